"""meals: a meal type (breakfast, lunch, dinner, snack) on every meal

Meals logged before this column existed get their type from the hour they were eaten (UTC: their time zone
is not stored with them); new meals take it from the user's words or their local time.

Revision ID: meals_0001
Revises: 0001_foundation
Create Date: 2026-12-06 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "meals_0001"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("meals",)
depends_on: str | Sequence[str] | None = "gamification_0002"


def upgrade() -> None:
    with op.batch_alter_table("meals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meal_type", sa.String(length=16), nullable=True))
    hour = "CAST(EXTRACT(HOUR FROM eaten_at) AS INTEGER)"
    if op.get_bind().dialect.name == "sqlite":
        hour = "CAST(strftime('%H', eaten_at) AS INTEGER)"
    op.execute(
        "UPDATE meals SET meal_type = CASE "
        f"WHEN {hour} BETWEEN 4 AND 10 THEN 'breakfast' WHEN {hour} BETWEEN 11 AND 14 THEN 'lunch' "
        f"WHEN {hour} BETWEEN 18 AND 21 THEN 'dinner' ELSE 'snack' END"
    )


def downgrade() -> None:
    with op.batch_alter_table("meals", schema=None) as batch_op:
        batch_op.drop_column("meal_type")
