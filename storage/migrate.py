"""Running Alembic from code: ``upgrade`` brings any database to the newest schema.

A database already at head is recognised without Alembic: its ``alembic_version`` rows are compared with
the heads read from the version files (:mod:`storage.migration_heads`); Alembic is imported only when an
upgrade (or an exact answer about what is missing) is needed.

On PostgreSQL the upgrade holds a transaction-scoped advisory lock, so processes starting together
(replicas, the scheduler) take turns: the first migrates, the others then find the schema at head.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.migration_heads import head_revisions

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x57494E53  # "WINS": the advisory lock key every WinStreak process migrates under


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our migrations and the given database."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


async def at_head(engine: AsyncEngine) -> bool:
    """True when the database's ``alembic_version`` holds exactly the known heads (False when unsure)."""
    heads = head_revisions()
    if heads is None:
        return False
    async with engine.connect() as connection:  # a database that cannot be reached raises here
        try:
            rows = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
        except DBAPIError:  # no version table yet: a new database
            return False
    return len(rows) == len(heads) and set(rows) == heads


async def upgrade(engine: AsyncEngine) -> None:
    """Apply every pending migration (all branches) on the engine's database; nothing when at head."""
    if await at_head(engine):
        return

    def _upgrade(connection: Connection) -> None:
        from alembic import command

        config = alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")

    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        await connection.run_sync(_upgrade)


async def pending_heads(engine: AsyncEngine) -> set[str]:
    """The migration heads the database has not reached yet (empty when the schema is up to date)."""
    if await at_head(engine):
        return set()

    def _compare(connection: Connection) -> set[str]:
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

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
