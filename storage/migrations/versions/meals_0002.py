"""meals: the estimate each meal was saved from, so saving the same estimate again finds the meal

A Save handled a second time (the database went away after the meal was committed, and the update was handled
again) must not store the meal twice. ``estimate_key`` is a random key the estimate got when it was shown (unique
per user); meals saved before this column, and meals not saved from an estimate, have none.

Revision ID: meals_0002
Revises: meals_0001
Create Date: 2026-12-07 08:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "meals_0002"
down_revision: str | Sequence[str] | None = "meals_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("estimate_key", sa.String(length=64), nullable=True))
    op.create_index("ux_meals_user_estimate", "meals", ["user_id", "estimate_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_meals_user_estimate", table_name="meals")
    with op.batch_alter_table("meals", schema=None) as batch_op:
        batch_op.drop_column("estimate_key")
