"""The gamification unit of work: the foundation's users plus the game and league repositories, one session."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.gamification.leagues import SqlLeagueRepository
from storage.gamification.repository import SqlGamificationRepository
from storage.repositories.users import SqlUserRepository


class SqlGameUnitOfWork:
    """:class:`core.ports.GameUnitOfWork`: rolls back on exit unless :meth:`commit` was called."""

    users: SqlUserRepository
    game: SqlGamificationRepository
    leagues: SqlLeagueRepository

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None

    async def __aenter__(self) -> Self:
        self._session = self._sessions()
        self.users = SqlUserRepository(self._session)
        self.game = SqlGamificationRepository(self._session)
        self.leagues = SqlLeagueRepository(self._session)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self._session, None
        if session is None or not session.in_transaction():  # nothing read or written through it (unit_reads)
            return
        try:
            await session.rollback()
        finally:
            await session.close()

    async def commit(self) -> None:
        """Commit everything done in this unit."""
        if self._session is None:
            raise RuntimeError("unit of work used outside 'async with'")
        await self._session.commit()
