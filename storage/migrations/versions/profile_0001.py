"""profile: the unit system a user sees weights and heights in (metric or imperial)

Values stay stored in SI (kg, cm); this column only changes the display. Everyone is metric until they
choose otherwise.

Revision ID: profile_0001
Revises: 0001_foundation
Create Date: 2026-12-07 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "profile_0001"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("profile",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("units", sa.String(length=8), nullable=False, server_default="metric"))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("units")
