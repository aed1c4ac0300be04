"""exercise: logged exercises and the "exercise counts toward the budget" setting

Revision ID: exercise_0001
Revises: 0001_foundation
Create Date: 2026-12-07 01:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.types import UtcDateTime

revision: str = "exercise_0001"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("exercise",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exercises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("activity", sa.String(length=32), nullable=False),
        sa.Column("met", sa.Float(), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("distance_km", sa.Float(), nullable=True),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("kcal", sa.Integer(), nullable=False),
        sa.Column("logged_at", UtcDateTime(), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "kcal >= 0 AND minutes > 0 AND met > 0 AND weight_kg > 0", name=op.f("ck_exercises_exercise_positive")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_exercises_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercises")),
    )
    op.create_index("ix_exercises_user_day", "exercises", ["user_id", "local_day"], unique=False)
    op.create_index("ix_exercises_day", "exercises", ["local_day"], unique=False)
    op.create_table(
        "exercise_settings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("raises_budget", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_exercise_settings_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_exercise_settings")),
    )


def downgrade() -> None:
    op.drop_table("exercise_settings")
    op.drop_index("ix_exercises_day", table_name="exercises")
    op.drop_index("ix_exercises_user_day", table_name="exercises")
    op.drop_table("exercises")
