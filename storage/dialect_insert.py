"""The engine's own ``INSERT`` construct (for ``ON CONFLICT``), PostgreSQL's dialect imported only when used.

SQLAlchemy's generic ``insert`` has no ``on_conflict_do_*``; SQLite's and PostgreSQL's constructs do. Importing
``sqlalchemy.dialects.postgresql`` costs start-up time a SQLite process (``winstreak chat``) never needs back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import sqlite


def dialect_insert(dialect_name: str, table: Any) -> Any:
    """``INSERT INTO table`` as the dialect's construct: ``.on_conflict_do_nothing()`` / ``_do_update()`` work."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    if dialect_name == "sqlite":
        return sqlite.insert(table)
    raise ValueError(f"no ON CONFLICT insert for the {dialect_name} dialect")
