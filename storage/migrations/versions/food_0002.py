"""food: the French name of a food (built-in foods have one), shown to French users

Revision ID: food_0002
Revises: food_0001
Create Date: 2026-12-07 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "food_0002"
down_revision: str | Sequence[str] | None = "food_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("foods", sa.Column("name_fr", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("foods") as batch:
        batch.drop_column("name_fr")
