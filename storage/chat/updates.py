"""Processed update ids in SQL: a delivered-twice update is handled once, even across replicas.

An update is *claimed* before processing and marked *done* after; a failed one is released so the
redelivery runs it again. The process working on an update renews its claim (:meth:`SqlUpdateLog.renew`), so
a claim not renewed for ``lease`` was left by a process that died mid-update and is taken over.

The claim is the first statement of every update, so after a database restart it is the one that meets the
pool's dead connections: it is retried on a fresh one (``storage.engine.on_live_connection``). A claim whose
commit went through before its connection died is recognised on the retry by its own ``claimed_at``.
On PostgreSQL a claim given the update's chat state key reads that state in the same round trip (the claim's
``INSERT`` as a CTE of the state's ``SELECT``) and leaves it to ``SqlStateStore`` for the rest of the update
(``update_reads``): one round trip per update fewer; given the sender's id too, it reads the sender's user in
the same statement and leaves it to the user repository (one more round trip fewer: every update read its user).
The claim runs inside the per-chat lock (aiogram's event isolation wraps the middlewares), so no other update
of that chat in this process changes the state meanwhile.
Each step is one Core statement, its own transaction (autocommit on PostgreSQL: one round trip each,
``storage.engine.single_statements``); a takeover's read and ``UPDATE`` need no common transaction, as the
``UPDATE`` only applies when the row still holds what was read (compare-and-set).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import ColumnElement, bindparam, delete, insert, literal_column, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.chat.tables import ProcessedUpdateRow
from storage.engine import on_live_connection, run_single, single_statements
from storage.repositories import chat_state, update_reads, users
from storage.sql_parts import ONE_ROW

ClaimState = Literal["claimed", "done", "held"]

# The two statements of every update, built once (building and cache-keying a statement costs about as much
# CPU as sending it): the claim and its completion.
_CLAIM = insert(ProcessedUpdateRow).values(
    platform=bindparam("p_platform"), update_id=bindparam("p_update_id"), done=False, claimed_at=bindparam("p_now")
)
# PostgreSQL: the claim and the chat state's load in one statement (a data-modifying CTE always runs), and with
# the sender's id their user too: one row, the state beside the user's columns (all NULL for a new sender)
_CLAIM_CTE = _CLAIM.returning(literal_column("1")).cte("claim")
_CLAIM_LOADING_STATE = chat_state.prefetch_statement("p_state_key").add_cte(_CLAIM_CTE)
_SENDER = users.sender_statement("p_platform", "p_sender")
_CLAIM_LOADING_STATE_AND_SENDER = (
    select(chat_state.prefetch_statement("p_state_key").scalar_subquery().label("state_data"), _SENDER)
    .select_from(ONE_ROW.outerjoin(_SENDER, true()))
    .add_cte(_CLAIM_CTE)
)
_FINISH = (
    update(ProcessedUpdateRow)
    .where(
        ProcessedUpdateRow.platform == bindparam("p_platform"), ProcessedUpdateRow.update_id == bindparam("p_update_id")
    )
    .values(done=True)
)


class SqlUpdateLog:
    """Claims, completes and releases update ids of one platform; each step one statement (two on a takeover)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], platform: str, lease: timedelta) -> None:
        self._engine = single_statements(sessions)
        self._platform = platform
        self._lease = lease
        self._prefetch = self._engine.dialect.name == "postgresql"  # SQLite has no INSERT in a CTE

    def _key(self, update_id: int) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
        return ProcessedUpdateRow.platform == self._platform, ProcessedUpdateRow.update_id == update_id

    async def claim(
        self, update_id: int, now: datetime, state_key: str | None = None, sender: str | None = None
    ) -> ClaimState:
        """``claimed``: process it (claimed at ``now``); ``done``: a duplicate; ``held``: a live claim has it.

        With ``state_key`` (PostgreSQL), a claimed update's chat state is read in the same round trip and
        remembered for the update (call it inside :meth:`processing`); with ``sender`` (the person's id on this
        platform) their user as well.
        """
        attempts = 0

        async def attempt() -> ClaimState:
            nonlocal attempts
            attempts += 1
            return await self._claim(update_id, now, state_key, sender, retried=attempts > 1)

        return await on_live_connection(attempt)

    async def _claim(
        self, update_id: int, now: datetime, state_key: str | None, sender: str | None, *, retried: bool
    ) -> ClaimState:
        params = {"p_platform": self._platform, "p_update_id": update_id, "p_now": now}
        try:
            if state_key is None or not self._prefetch:
                await run_single(self._engine, lambda conn: conn.execute(_CLAIM, params))
            elif sender is None:
                loading = {**params, "p_state_key": state_key}
                data = await run_single(self._engine, lambda conn: conn.scalar(_CLAIM_LOADING_STATE, loading))
                chat_state.remember(state_key, None if data is None else str(data))
            else:
                loading = {**params, "p_state_key": state_key, "p_sender": sender}
                row = await run_single(
                    self._engine, lambda conn: conn.execute(_CLAIM_LOADING_STATE_AND_SENDER, loading).one()
                )
                chat_state.remember(state_key, None if row.state_data is None else str(row.state_data))
                users.remember_sender(self._platform, sender, row)
            return "claimed"
        except IntegrityError:
            pass
        async with self._engine.begin() as conn:  # the takeover below is a compare-and-set: no lock needed
            query = select(ProcessedUpdateRow.done, ProcessedUpdateRow.claimed_at).where(*self._key(update_id))
            found = (await conn.execute(query)).one_or_none()
            if found is None:  # released between the insert and this read: the redelivery will run it
                return "held"
            if found.done:
                return "done"
            if retried and _aware(found.claimed_at) == now:  # ours: committed, then the connection died
                return "claimed"
            taken = await conn.execute(
                update(ProcessedUpdateRow)
                .where(*self._key(update_id), ProcessedUpdateRow.done.is_(False))
                .where(ProcessedUpdateRow.claimed_at == found.claimed_at)
                .where(ProcessedUpdateRow.claimed_at < now - self._lease)
                .values(claimed_at=now)
            )
            return "claimed" if taken.rowcount else "held"

    def processing(self) -> AbstractContextManager[None]:
        """The scope of handling one claimed update: a user read in it is read once (``update_reads``)."""
        return update_reads.shared()

    async def renew(self, update_id: int, since: datetime, now: datetime) -> bool:
        """Move the claim made (or last renewed) at ``since`` to ``now``; False when it is no longer ours."""
        async with self._engine.begin() as conn:
            kept = await conn.execute(
                update(ProcessedUpdateRow)
                .where(*self._key(update_id), ProcessedUpdateRow.done.is_(False))
                .where(ProcessedUpdateRow.claimed_at == since)
                .values(claimed_at=now)
            )
            return bool(kept.rowcount)

    async def finish(self, update_id: int) -> None:
        """Mark the update processed for good."""
        params = {"p_platform": self._platform, "p_update_id": update_id}
        await run_single(self._engine, lambda conn: conn.execute(_FINISH, params))

    async def release(self, update_id: int) -> None:
        """Forget a claim whose processing failed, so the redelivery is processed."""
        async with self._engine.begin() as conn:
            await conn.execute(delete(ProcessedUpdateRow).where(*self._key(update_id)))

    async def prune(self, before: datetime) -> int:
        """Drop ids claimed before ``before`` (Telegram never redelivers after a day); returns how many."""
        async with self._engine.begin() as conn:
            result = await conn.execute(
                delete(ProcessedUpdateRow).where(
                    ProcessedUpdateRow.platform == self._platform, ProcessedUpdateRow.claimed_at < before
                )
            )
            return int(result.rowcount)


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes for stored UTC values."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
