"""Running Alembic from code: ``upgrade`` brings any database to the newest schema.

On PostgreSQL the upgrade holds a transaction-scoped advisory lock, so processes starting together
(replicas, the scheduler) take turns: the first migrates, the others then find the schema at head.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x57494E53  # "WINS": the advisory lock key every WinStreak process migrates under


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our migrations and the given database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


async def upgrade(engine: AsyncEngine) -> None:
    """Apply every pending migration (all branches) on the engine's database."""

    def _upgrade(connection: Connection) -> None:
        config = alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")

    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        await connection.run_sync(_upgrade)


async def pending_heads(engine: AsyncEngine) -> set[str]:
    """The migration heads the database has not reached yet (empty when the schema is up to date)."""

    def _compare(connection: Connection) -> set[str]:
        current = MigrationContext.configure(connection).get_current_heads()
        script = ScriptDirectory.from_config(alembic_config("sqlite://"))
        applied = {revision.revision for revision in script.iterate_revisions(current, "base") if revision}
        return set(script.get_heads()) - applied

    async with engine.connect() as connection:
        return await connection.run_sync(_compare)


def upgrade_sync(url: str) -> None:
    """Blocking variant for the CLI."""
    from storage.engine import make_engine

    async def _main() -> None:
        engine = make_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(_main())
