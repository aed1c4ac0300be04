"""Per-user AI calls a day in SQL (:class:`core.ports.AiQuotas`).

Taking a call is one conditional UPDATE (``calls < limit``), so concurrent replicas never exceed the limit;
a user's first call of a day drops their rows of earlier days.

Taken before every estimate, so the usual case — today's row exists and is under the limit — is ONE statement
built once, its own transaction (autocommit on PostgreSQL; in one greenlet, ``storage.engine.run_single``): the
``UPDATE`` reads the user's override in a subquery and returns the limit that applied. Only when it changes
nothing (first call of the day, or the limit reached) does the transaction below run.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.admin import QuotaCheck
from core.model.ids import UserId
from storage.admin.tables import AiUsageRow, UserQuotaRow
from storage.engine import run_single
from storage.models import UserRow
from storage.outbox.repository import insert_ignoring_duplicates

_OVERRIDE = select(UserQuotaRow.ai_calls_per_day).where(UserQuotaRow.user_id == bindparam("uid")).scalar_subquery()
_LIMIT = func.coalesce(_OVERRIDE, bindparam("default_limit"))
_TAKE_TODAY = (
    update(AiUsageRow)
    .where(AiUsageRow.user_id == bindparam("uid"), AiUsageRow.day == bindparam("today"), AiUsageRow.calls < _LIMIT)
    .values(calls=AiUsageRow.calls + 1)
    .returning(_LIMIT)
)


class SqlAiQuotas:
    """Daily AI-call budgets with per-user overrides."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._single = (
            engine.execution_options(isolation_level="AUTOCOMMIT") if engine.dialect.name == "postgresql" else engine
        )

    async def take(self, user_id: UserId, day: date, default_limit: int) -> QuotaCheck:
        """Count one call for ``day`` when the budget allows it."""
        uid = int(user_id)
        params = {"uid": uid, "today": day, "default_limit": default_limit}
        limit_taken = await run_single(  # the usual case: today's row, under the limit
            self._single, lambda conn: conn.execute(_TAKE_TODAY, params).scalar_one_or_none()
        )
        if limit_taken is not None:
            return QuotaCheck(True, int(limit_taken))
        async with self._engine.begin() as conn:
            override = (
                await conn.execute(select(UserQuotaRow.ai_calls_per_day).where(UserQuotaRow.user_id == uid))
            ).scalar_one_or_none()
            limit = default_limit if override is None else int(override)
            taken = await conn.execute(
                update(AiUsageRow)
                .where(AiUsageRow.user_id == uid, AiUsageRow.day == day, AiUsageRow.calls < limit)
                .values(calls=AiUsageRow.calls + 1)
            )
            if taken.rowcount:
                return QuotaCheck(True, limit)
            if limit <= 0:
                return QuotaCheck(False, limit)
            await conn.execute(delete(AiUsageRow).where(AiUsageRow.user_id == uid, AiUsageRow.day < day))
            first = insert_ignoring_duplicates(conn.dialect.name, AiUsageRow).values(user_id=uid, day=day, calls=1)
            if (await conn.execute(first)).rowcount:
                return QuotaCheck(True, limit)
            again = await conn.execute(  # another replica inserted today's row first: count on it
                update(AiUsageRow)
                .where(AiUsageRow.user_id == uid, AiUsageRow.day == day, AiUsageRow.calls < limit)
                .values(calls=AiUsageRow.calls + 1)
            )
            return QuotaCheck(bool(again.rowcount), limit)

    async def set_limit(self, user_id: UserId, limit: int | None) -> bool:
        """Override the user's limit (None: back to the default); False when the user does not exist."""
        uid = int(user_id)
        async with self._engine.begin() as conn:
            if (await conn.execute(select(UserRow.id).where(UserRow.id == uid))).first() is None:
                return False
            await conn.execute(delete(UserQuotaRow).where(UserQuotaRow.user_id == uid))
            if limit is not None:
                await conn.execute(insert_ignoring_duplicates(conn.dialect.name, UserQuotaRow).values(
                    user_id=uid, ai_calls_per_day=limit
                ))  # fmt: skip
        return True

    async def limit_of(self, user_id: UserId) -> int | None:
        """The user's override, or None when the default applies."""
        async with self._engine.connect() as conn:
            query = select(UserQuotaRow.ai_calls_per_day).where(UserQuotaRow.user_id == int(user_id))
            return (await conn.execute(query)).scalar_one_or_none()
