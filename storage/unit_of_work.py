"""The SQL unit of work: one session, one transaction, the repositories bound to it.

The transaction begins with the unit's first write; on PostgreSQL the reads before it run autocommitted outside
it (:mod:`storage.repositories.unit_reads`), so a unit that only reads opens none.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.repositories.meals import SqlMealRepository, SqlWeightRepository
from storage.repositories.users import SqlUserRepository


class SqlUnitOfWork:
    """:class:`core.ports.UnitOfWork`: rolls back on exit unless :meth:`commit` was called."""

    users: SqlUserRepository
    meals: SqlMealRepository
    weights: SqlWeightRepository

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        """The open session (only inside ``async with``)."""
        if self._session is None:
            raise RuntimeError("unit of work used outside 'async with'")
        return self._session

    async def __aenter__(self) -> Self:
        self._session = self._sessions()
        self.users = SqlUserRepository(self._session)
        self.meals = SqlMealRepository(self._session)
        self.weights = SqlWeightRepository(self._session)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self.session, None
        if not session.in_transaction():  # it only read outside a transaction (unit_reads): nothing to end
            return
        try:
            await session.rollback()
        finally:
            await session.close()

    async def commit(self) -> None:
        """Commit everything done in this unit."""
        await self.session.commit()
