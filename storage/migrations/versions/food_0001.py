"""food: foods (built-in, Open Food Facts, USDA) and food_meta

Revision ID: food_0001
Revises: 0001_foundation
Create Date: 2026-11-25 13:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "food_0001"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("food",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "foods",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("brand", sa.String(length=200), nullable=True),
        sa.Column("barcode", sa.String(length=14), nullable=True),
        sa.Column("kcal_100g", sa.Float(), nullable=False),
        sa.Column("protein_100g", sa.Float(), nullable=False),
        sa.Column("carbs_100g", sa.Float(), nullable=False),
        sa.Column("fat_100g", sa.Float(), nullable=False),
        sa.Column("generic", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("portions", sa.Text(), nullable=False),
        sa.Column("default_grams", sa.Float(), nullable=False),
        sa.Column("search_name", sa.Text(), nullable=False),
        sa.Column("search_brand", sa.Text(), nullable=False),
        sa.CheckConstraint("kcal_100g >= 0 AND kcal_100g <= 900", name=op.f("ck_foods_kcal_range")),
        sa.CheckConstraint(
            "protein_100g >= 0 AND carbs_100g >= 0 AND fat_100g >= 0", name=op.f("ck_foods_macros_non_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_foods")),
        sa.UniqueConstraint("key", name=op.f("uq_foods_key")),
        sa.UniqueConstraint("barcode", name=op.f("uq_foods_barcode")),
    )
    op.create_table(
        "food_meta",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_food_meta")),
    )


def downgrade() -> None:
    op.drop_table("food_meta")
    op.drop_table("foods")
