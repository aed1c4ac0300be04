"""Scratch PostgreSQL databases on the suite's server: created for a test, dropped after it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg


def plain_dsn(url: str) -> str:
    """The SQLAlchemy URL as asyncpg takes it."""
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _sql(base_url: str, statement: str) -> None:
    conn = await asyncpg.connect(plain_dsn(base_url))
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@contextmanager
def scratch_database(base_url: str, name: str, template: str | None = None) -> Iterator[str]:
    """A new database ``name`` (a copy of ``template``, or empty) beside ``base_url``'s; its URL, dropped after."""
    copy = f" TEMPLATE {template}" if template else ""
    asyncio.run(_sql(base_url, f"CREATE DATABASE {name}{copy}"))
    try:
        yield base_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        asyncio.run(_sql(base_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
