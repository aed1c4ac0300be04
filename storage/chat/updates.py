"""Processed update ids in SQL: a delivered-twice update is handled once, even across replicas.

An update is *claimed* before processing and marked *done* after; a failed one is released so the
redelivery runs it again. The process working on an update renews its claim (:meth:`SqlUpdateLog.renew`), so
a claim not renewed for ``lease`` was left by a process that died mid-update and is taken over.

The claim is the first statement of every update, so after a database restart it is the one that meets the
pool's dead connections: it is retried on a fresh one (``storage.engine.on_live_connection``). A claim whose
commit went through before its connection died is recognised on the retry by its own ``claimed_at``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.chat.tables import ProcessedUpdateRow
from storage.engine import on_live_connection

ClaimState = Literal["claimed", "done", "held"]


class SqlUpdateLog:
    """Claims, completes and releases update ids of one platform."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], platform: str, lease: timedelta) -> None:
        self._sessions = sessions
        self._platform = platform
        self._lease = lease

    async def claim(self, update_id: int, now: datetime) -> ClaimState:
        """``claimed``: process it (claimed at ``now``); ``done``: a duplicate; ``held``: a live claim has it."""
        attempts = 0

        async def attempt() -> ClaimState:
            nonlocal attempts
            attempts += 1
            return await self._claim(update_id, now, retried=attempts > 1)

        return await on_live_connection(attempt)

    async def _claim(self, update_id: int, now: datetime, *, retried: bool) -> ClaimState:
        try:
            async with self._sessions() as session, session.begin():
                session.add(
                    ProcessedUpdateRow(platform=self._platform, update_id=update_id, done=False, claimed_at=now)
                )
            return "claimed"
        except IntegrityError:
            pass
        async with self._sessions() as session, session.begin():
            key = (ProcessedUpdateRow.platform == self._platform, ProcessedUpdateRow.update_id == update_id)
            query = select(ProcessedUpdateRow.done, ProcessedUpdateRow.claimed_at).where(*key)
            row = (await session.execute(query)).one_or_none()
            if row is None:  # released between the insert and this read: the redelivery will run it
                return "held"
            if row.done:
                return "done"
            if retried and _aware(row.claimed_at) == now:  # ours: committed, then the connection died
                return "claimed"
            taken = await session.execute(
                update(ProcessedUpdateRow)
                .where(*key, ProcessedUpdateRow.done.is_(False), ProcessedUpdateRow.claimed_at == row.claimed_at)
                .where(ProcessedUpdateRow.claimed_at < now - self._lease)
                .values(claimed_at=now)
                .execution_options(synchronize_session=False)
            )
            return "claimed" if getattr(taken, "rowcount", 0) else "held"

    async def renew(self, update_id: int, since: datetime, now: datetime) -> bool:
        """Move the claim made (or last renewed) at ``since`` to ``now``; False when it is no longer ours."""
        async with self._sessions() as session, session.begin():
            kept = await session.execute(
                update(ProcessedUpdateRow)
                .where(
                    ProcessedUpdateRow.platform == self._platform,
                    ProcessedUpdateRow.update_id == update_id,
                    ProcessedUpdateRow.done.is_(False),
                    ProcessedUpdateRow.claimed_at == since,
                )
                .values(claimed_at=now)
                .execution_options(synchronize_session=False)
            )
            return bool(getattr(kept, "rowcount", 0))

    async def finish(self, update_id: int) -> None:
        """Mark the update processed for good."""
        async with self._sessions() as session, session.begin():
            await session.execute(
                update(ProcessedUpdateRow)
                .where(ProcessedUpdateRow.platform == self._platform, ProcessedUpdateRow.update_id == update_id)
                .values(done=True)
            )

    async def release(self, update_id: int) -> None:
        """Forget a claim whose processing failed, so the redelivery is processed."""
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(ProcessedUpdateRow).where(
                    ProcessedUpdateRow.platform == self._platform, ProcessedUpdateRow.update_id == update_id
                )
            )

    async def prune(self, before: datetime) -> int:
        """Drop ids claimed before ``before`` (Telegram never redelivers after a day); returns how many."""
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(ProcessedUpdateRow).where(
                    ProcessedUpdateRow.platform == self._platform, ProcessedUpdateRow.claimed_at < before
                )
            )
            return int(getattr(result, "rowcount", 0))


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes for stored UTC values."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
