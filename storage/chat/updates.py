"""Processed update ids in SQL: a delivered-twice update is handled once, even across replicas.

An update is *claimed* before processing and marked *done* after; a failed one is released so the
redelivery runs it again. A claim left by a replica that died mid-update expires after ``lease``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.chat.tables import ProcessedUpdateRow


class SqlUpdateLog:
    """Claims, completes and releases update ids of one platform."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], platform: str, lease: timedelta) -> None:
        self._sessions = sessions
        self._platform = platform
        self._lease = lease

    async def claim(self, update_id: int, now: datetime) -> bool:
        """True when this caller should process the update; False for a duplicate."""
        try:
            async with self._sessions() as session, session.begin():
                session.add(
                    ProcessedUpdateRow(platform=self._platform, update_id=update_id, done=False, claimed_at=now)
                )
            return True
        except IntegrityError:
            pass
        async with self._sessions() as session, session.begin():
            key = (ProcessedUpdateRow.platform == self._platform, ProcessedUpdateRow.update_id == update_id)
            query = select(ProcessedUpdateRow.done, ProcessedUpdateRow.claimed_at).where(*key)
            row = (await session.execute(query)).one_or_none()
            if row is None or row.done:
                return False
            taken = await session.execute(
                update(ProcessedUpdateRow)
                .where(*key, ProcessedUpdateRow.done.is_(False), ProcessedUpdateRow.claimed_at == row.claimed_at)
                .where(ProcessedUpdateRow.claimed_at < now - self._lease)
                .values(claimed_at=now)
                .execution_options(synchronize_session=False)
            )
            return bool(getattr(taken, "rowcount", 0))

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
