"""Moving a test database's schema with Alembic inside the caller's transaction (through ``conn.run_sync``)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from storage.migrate import alembic_config


def migrate(connection: Connection, url: str, target: str, down: bool = False) -> None:
    """Upgrade ``connection``'s database to the Alembic revision ``target`` (with ``down``, downgrade to it)."""
    config = alembic_config(url)
    config.attributes["connection"] = connection
    if down:
        command.downgrade(config, target)
    else:
        command.upgrade(config, target)


def table_names(connection: Connection) -> set[str]:
    """The names of the tables the database holds now."""
    return set(inspect(connection).get_table_names())
