"""Every table module, imported once so the metadata is complete for Alembic and tests.

A feature that adds tables adds its module to ``TABLE_MODULES``.
"""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData

from storage.base import Base

TABLE_MODULES = (
    "storage.models",
    "storage.chat.tables",
    "storage.food.tables",
    "storage.gamification.tables",
    "storage.outbox.tables",
    "storage.admin.tables",
    "storage.exercise.tables",
    "storage.favourites.tables",
)


def metadata() -> MetaData:
    """The complete metadata, after importing every table module."""
    for name in TABLE_MODULES:
        importlib.import_module(name)
    return Base.metadata
