"""gamification: a faster close-out — meal totals on meals, day_results and trophies without a user FK

The close-out reads each meal's stored total (``meals.kcal``) instead of joining every item ever logged,
computes the day's tally inside its own statement (no scratch table), and writes ``day_results`` rows
keyed by (user_id, day) and trophies with no per-row foreign-key check (deleting a user deletes them
explicitly).

Revision ID: gamification_0002
Revises: gamification_0001
Create Date: 2026-11-25 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "gamification_0002"
down_revision: str | Sequence[str] | None = "gamification_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kcal", sa.Float(), nullable=False, server_default="0"))
    op.execute("UPDATE meals SET kcal = COALESCE((SELECT SUM(i.kcal) FROM meal_items i WHERE i.meal_id = meals.id), 0)")
    op.drop_table("closeout_tally")
    with op.batch_alter_table("day_results", schema=None, recreate="auto") as batch_op:
        batch_op.drop_constraint("fk_day_results_user_id_users", type_="foreignkey")
        batch_op.drop_constraint("uq_day_results_user_day", type_="unique")
        batch_op.drop_constraint("pk_day_results", type_="primary")
        batch_op.drop_column("id")
        batch_op.create_primary_key("pk_day_results", ["user_id", "day"])
    with op.batch_alter_table("trophies", schema=None, recreate="auto") as batch_op:
        batch_op.drop_constraint("fk_trophies_user_id_users", type_="foreignkey")


def downgrade() -> None:
    op.execute("DELETE FROM trophies WHERE user_id NOT IN (SELECT id FROM users)")
    op.execute("DELETE FROM day_results WHERE user_id NOT IN (SELECT id FROM users)")
    with op.batch_alter_table("trophies", schema=None, recreate="auto") as batch_op:
        batch_op.create_foreign_key("fk_trophies_user_id_users", "users", ["user_id"], ["id"], ondelete="CASCADE")
    with op.batch_alter_table("day_results", schema=None, recreate="auto") as batch_op:
        batch_op.drop_constraint("pk_day_results", type_="primary")
        batch_op.add_column(sa.Column("id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE day_results SET id = (SELECT COUNT(*) FROM day_results e"
        " WHERE e.user_id < day_results.user_id OR (e.user_id = day_results.user_id AND e.day <= day_results.day))"
    )
    if op.get_bind().dialect.name == "postgresql":  # SQLite numbers an INTEGER primary key by itself
        op.execute("CREATE SEQUENCE day_results_id_seq OWNED BY day_results.id")
        op.execute("SELECT setval('day_results_id_seq', COALESCE((SELECT MAX(id) FROM day_results), 0) + 1, false)")
        op.execute("ALTER TABLE day_results ALTER COLUMN id SET DEFAULT nextval('day_results_id_seq')")
    with op.batch_alter_table("day_results", schema=None, recreate="auto") as batch_op:
        batch_op.alter_column("id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_primary_key("pk_day_results", ["id"])
        batch_op.create_unique_constraint("uq_day_results_user_day", ["user_id", "day"])
        batch_op.create_foreign_key("fk_day_results_user_id_users", "users", ["user_id"], ["id"], ondelete="CASCADE")
    op.create_table(
        "closeout_tally",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("meals", sa.Integer(), nullable=False),
        sa.Column("kcal", sa.Float(), nullable=False),
        sa.Column("photo_meals", sa.Integer(), nullable=False),
        sa.Column("voice_meals", sa.Integer(), nullable=False),
        sa.Column("barcode_meals", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "user_id", name=op.f("pk_closeout_tally")),
    )
    with op.batch_alter_table("meals", schema=None) as batch_op:
        batch_op.drop_column("kcal")
