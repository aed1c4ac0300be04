"""Drain leases (:class:`core.ports.DrainLeases`): one sender per platform across all processes.

PostgreSQL: a session-level ``pg_try_advisory_lock`` held on a dedicated connection while draining. It never
waits, and PostgreSQL drops it the moment that session ends — the process died, or its connection was cut —
so another process takes over at its next drain tick. SQLite: an exclusive ``flock`` on a file beside the
database (the kernel drops it when the process dies); an in-memory database is one process, so a lock inside
the process is enough.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.ports import DrainLeases, Lease

if sys.platform != "win32":  # no flock there: a SQLite database gets the in-process lease
    import fcntl


def lock_key(platform: str) -> int:
    """The advisory-lock key of a platform: a stable signed 64-bit number (advisory locks are per database)."""
    digest = hashlib.blake2b(f"winstreak:outbox-drain:{platform}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class _PgLease:
    def __init__(self, conn: AsyncConnection, key: int) -> None:
        self._conn, self._key = conn, key

    async def alive(self) -> bool:
        """A session-level lock lasts as long as its session: is the connection still answering?"""
        try:
            await self._conn.execute(text("SELECT 1"))
        except Exception:  # any driver error means the session (and the lock with it) is gone
            return False
        return True

    async def release(self) -> None:
        """Unlock and hand the connection back; a broken one is thrown away (its session ended anyway)."""
        try:
            await self._conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key})
        except Exception:
            await self._conn.invalidate()
        await self._conn.close()


class PgDrainLeases:
    """Leases as PostgreSQL session-level advisory locks."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def acquire(self, platform: str) -> Lease | None:
        """Try the platform's lock on a connection of its own (autocommit: no transaction stays open)."""
        key = lock_key(platform)
        conn = await self._engine.connect()
        try:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            taken = (await conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key})).scalar_one()
        except BaseException:
            await conn.close()
            raise
        if not taken:
            await conn.close()
            return None
        return _PgLease(conn, key)


class _FileLease:
    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    async def alive(self) -> bool:
        return self._fd is not None

    async def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class FileDrainLeases:
    """Leases as exclusive ``flock`` locks on ``<database>.drain-<platform>.lock`` files."""

    def __init__(self, database: Path) -> None:
        self._database = database

    def path(self, platform: str) -> Path:
        """The lock file of a platform."""
        return self._database.with_name(f"{self._database.name}.drain-{platform}.lock")

    async def acquire(self, platform: str) -> Lease | None:
        """Take the file lock without waiting (each call opens the file anew, so it also excludes this process)."""
        fd = os.open(self.path(platform), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return _FileLease(fd)


class _LocalLease:
    def __init__(self, owner: LocalDrainLeases, platform: str) -> None:
        self._owner, self._platform = owner, platform

    async def alive(self) -> bool:
        return self._platform in self._owner.held

    async def release(self) -> None:
        self._owner.held.discard(self._platform)


class LocalDrainLeases:
    """Leases inside one process (an in-memory SQLite database cannot be shared with another)."""

    def __init__(self) -> None:
        self.held: set[str] = set()

    async def acquire(self, platform: str) -> Lease | None:
        """The platform's lease unless a drainer of this process holds it."""
        if platform in self.held:
            return None
        self.held.add(platform)
        return _LocalLease(self, platform)


def drain_leases(engine: AsyncEngine) -> DrainLeases:
    """The leases that fit the engine's database."""
    if engine.dialect.name == "postgresql":
        return PgDrainLeases(engine)
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:") or sys.platform == "win32":
        return LocalDrainLeases()
    return FileDrainLeases(Path(database).resolve())
