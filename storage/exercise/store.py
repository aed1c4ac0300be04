"""The SQL :class:`core.ports.ExerciseLog`: exercises and the "exercise counts" setting, one transaction a call.

The day's exercises and the setting are read after every Save and on ``/today`` (the day's budget): one
statement (the setting a scalar subquery beside the day's rows, left-joined to one row so that a day without
exercise still brings the setting), without a transaction of its own (autocommit on PostgreSQL), and within
the handling of one Telegram update read once (``storage.repositories.update_reads``: ``/today`` asks twice,
for its summary and for its exercise lines); any write through this store forgets what was read.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import UserId
from core.model.exercise import ExerciseEntry
from storage.dialect_insert import dialect_insert
from storage.engine import autocommit, run_single
from storage.exercise.tables import ExerciseRow, ExerciseSettingRow
from storage.repositories import update_reads
from storage.sql_parts import ONE_ROW

_COLUMNS = ("activity", "met", "minutes", "distance_km", "weight_kg", "kcal", "logged_at", "local_day")
# Read after every Save and on /today (the day's budget): built once, run without a transaction of their own
# (autocommit on PostgreSQL: no BEGIN and ROLLBACK round trips around two reads), in one greenlet (run_single)
_ON_DAY = (
    select(ExerciseRow)
    .where(ExerciseRow.user_id == bindparam("user_id"), ExerciseRow.local_day == bindparam("day"))
    .order_by(ExerciseRow.logged_at, ExerciseRow.id)
)
_SETTING = select(ExerciseSettingRow.raises_budget).where(ExerciseSettingRow.user_id == bindparam("user_id"))
_DAY_AND_SETTING = (
    select(_SETTING.scalar_subquery().label("raises_budget"), ExerciseRow)
    .select_from(ONE_ROW)
    .outerjoin(
        ExerciseRow, and_(ExerciseRow.user_id == bindparam("user_id"), ExerciseRow.local_day == bindparam("day"))
    )
    .order_by(ExerciseRow.logged_at, ExerciseRow.id)
)
_MEMO = "exercise_day"  # update_reads key prefix: (_MEMO, user_id, day) -> (entries, setting)


class SqlExerciseLog:
    """:class:`core.ports.ExerciseLog` over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._reads = autocommit(engine)

    async def add(self, entry: ExerciseEntry) -> ExerciseEntry:
        """Insert the exercise; returns it with its id."""
        values = {name: getattr(entry, name) for name in _COLUMNS}
        update_reads.forget()
        async with self._engine.begin() as conn:
            result = await conn.execute(
                insert(ExerciseRow).values(user_id=int(entry.user_id), **values).returning(ExerciseRow.id)
            )
            new_id = int(result.scalar_one())
        return ExerciseEntry(entry.user_id, **values, id=new_id)

    async def on_day(self, user_id: UserId, day: date) -> list[ExerciseEntry]:
        """The user's exercises of ``day`` in the order they were logged."""
        return await run_single(self._reads, lambda conn: _on_day(conn, user_id, day))

    async def day_and_setting(self, user_id: UserId, day: date) -> tuple[list[ExerciseEntry], bool]:
        """The day's exercises and the setting in one statement (once per update, see the module's text)."""
        key = (_MEMO, int(user_id), day)
        known = update_reads.recall(key)
        if isinstance(known, tuple):
            return list(known[0]), bool(known[1])
        entries, counts = await run_single(self._reads, lambda conn: _day_and_setting(conn, user_id, day))
        update_reads.remember(key, (tuple(entries), counts))
        return entries, counts

    async def delete(self, user_id: UserId, entry_id: int) -> bool:
        """Delete the user's exercise ``entry_id``; False when they have none with that id."""
        query = delete(ExerciseRow).where(ExerciseRow.user_id == int(user_id), ExerciseRow.id == entry_id)
        update_reads.forget()
        async with self._engine.begin() as conn:
            return bool((await conn.execute(query)).rowcount)

    async def update(self, entry: ExerciseEntry) -> bool:
        """Replace what the exercise ``entry.id`` of ``entry.user_id`` says; False when there is none such."""
        if entry.id is None:
            return False
        values = {name: getattr(entry, name) for name in _COLUMNS}
        query = (
            update(ExerciseRow)
            .where(ExerciseRow.user_id == int(entry.user_id), ExerciseRow.id == entry.id)
            .values(**values)
        )
        update_reads.forget()
        async with self._engine.begin() as conn:
            return bool((await conn.execute(query)).rowcount)

    async def counts_in_budget(self, user_id: UserId) -> bool:
        """The setting; off until the user turns it on."""
        return await run_single(self._reads, lambda conn: _setting(conn, user_id))

    async def set_counts_in_budget(self, user_id: UserId, on: bool) -> None:
        """Insert or replace the user's setting."""
        values = {"user_id": int(user_id), "raises_budget": on}
        update_reads.forget()
        async with self._engine.begin() as conn:
            statement = dialect_insert(conn.dialect.name, ExerciseSettingRow).values(**values)
            await conn.execute(statement.on_conflict_do_update(index_elements=["user_id"], set_={"raises_budget": on}))


def _on_day(conn: Connection, user_id: UserId, day: date) -> list[ExerciseEntry]:
    rows = conn.execute(_ON_DAY, {"user_id": int(user_id), "day": day}).mappings().all()
    return [ExerciseEntry(user_id, **{name: row[name] for name in _COLUMNS}, id=row["id"]) for row in rows]


def _day_and_setting(conn: Connection, user_id: UserId, day: date) -> tuple[list[ExerciseEntry], bool]:
    rows = conn.execute(_DAY_AND_SETTING, {"user_id": int(user_id), "day": day}).mappings().all()
    listed = [row for row in rows if row["id"] is not None]  # a day without exercise: the one row, no exercise
    entries = [ExerciseEntry(user_id, **{name: row[name] for name in _COLUMNS}, id=row["id"]) for row in listed]
    return entries, bool(rows[0]["raises_budget"]) if rows else False


def _setting(conn: Connection, user_id: UserId) -> bool:
    return bool(conn.execute(_SETTING, {"user_id": int(user_id)}).scalar_one_or_none())
