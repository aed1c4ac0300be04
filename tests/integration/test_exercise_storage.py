"""Exercise in SQL (SQLite and PostgreSQL): the store, the close-out's budget, the Python close, the migration.

The close-out judges a day against the target plus the exercise allowance only for users who turned it on; the
same day closed by the single-user Python path (``close_user_day`` with the exercise log) gets the same result.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, insert, select

from core.model import UserId
from core.model.exercise import ExerciseEntry
from core.rules.energy import daily_target
from core.rules.exercise_budget import exercise_allowance
from core.rules.game_rules import GameRules
from core.services.close_user_day import close_user_day
from storage.chat.accounts import SqlAccountStore
from storage.engine import make_engine, make_session_factory
from storage.exercise.store import SqlExerciseLog
from storage.exercise.tables import ExerciseRow, ExerciseSettingRow
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.tables import DayResultRow
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from storage.migrate import upgrade
from storage.models import IdentityRow
from storage.repositories import update_reads
from tests.integration.gamification_world import add_meal, add_user, random_profile
from tests.integration.schema_steps import migrate, table_names

DAY = date(2026, 3, 9)


def _entry(user_id: int, kcal: int, day: date = DAY) -> ExerciseEntry:
    moment = datetime(day.year, day.month, day.day, 7, 30, tzinfo=UTC)
    return ExerciseEntry(UserId(user_id), "running", 8.0, 45.0, 6.75, 70.0, kcal, moment, day)


async def test_the_store_keeps_exercises_by_day_and_the_setting(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        await add_user(engine, 1, random_profile(random.Random(1)))
        await add_user(engine, 2, random_profile(random.Random(2)))
        log = SqlExerciseLog(engine)
        first = await log.add(_entry(1, 368))
        await log.add(_entry(1, 100, date(2026, 3, 10)))
        await log.add(_entry(2, 50))
        assert first.id is not None
        day = await log.on_day(UserId(1), DAY)
        assert [(e.activity, e.kcal, e.distance_km, e.local_day) for e in day] == [("running", 368, 6.75, DAY)]
        assert day[0].logged_at == first.logged_at
        assert not await log.counts_in_budget(UserId(1))
        await log.set_counts_in_budget(UserId(1), True)
        assert await log.counts_in_budget(UserId(1)) and not await log.counts_in_budget(UserId(2))
        assert await log.day_and_setting(UserId(1), DAY) == (day, True)  # both in one read
        assert await log.day_and_setting(UserId(2), DAY) == (await log.on_day(UserId(2), DAY), False)
        assert await log.day_and_setting(UserId(2), date(2026, 3, 10)) == ([], False)
        await log.set_counts_in_budget(UserId(1), False)
        assert not await log.counts_in_budget(UserId(1))
        assert first.id is not None
        assert not await log.delete(UserId(2), first.id)  # not user 2's
        assert await log.delete(UserId(1), first.id) and await log.on_day(UserId(1), DAY) == []
        assert not await log.delete(UserId(1), first.id)
    finally:
        await engine.dispose()


async def test_the_day_and_the_setting_are_one_statement_read_once_an_update(db_url: str) -> None:
    engine = make_engine(db_url)
    sent: list[str] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _count(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
        if "exercise" in statement:
            sent.append(statement)

    try:
        await add_user(engine, 1, random_profile(random.Random(1)))
        log = SqlExerciseLog(engine)
        await log.set_counts_in_budget(UserId(1), True)
        sent.clear()
        assert await log.day_and_setting(UserId(1), DAY) == ([], True)  # no exercise that day: the setting still
        assert len(sent) == 1
        late = await log.add(dataclasses.replace(_entry(1, 200), logged_at=datetime(2026, 3, 9, 18, tzinfo=UTC)))
        early = await log.add(_entry(1, 368))
        sent.clear()
        assert await log.day_and_setting(UserId(1), DAY) == ([early, late], True)  # in the order they were done
        assert len(sent) == 1
        with update_reads.shared():  # /today asks twice: one read
            assert await log.day_and_setting(UserId(1), DAY) == ([early, late], True)
            assert await log.day_and_setting(UserId(1), DAY) == ([early, late], True)
            assert len(sent) == 2
            await log.set_counts_in_budget(UserId(1), False)  # a write in the update: read again after it
            assert await log.day_and_setting(UserId(1), DAY) == ([early, late], False)
            assert len(sent) == 4
        assert await log.day_and_setting(UserId(1), DAY) == ([early, late], False)  # outside an update: read
        assert len(sent) == 5
    finally:
        await engine.dispose()


async def test_update_changes_one_users_exercise_in_place(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        await add_user(engine, 1, random_profile(random.Random(1)))
        await add_user(engine, 2, random_profile(random.Random(2)))
        log = SqlExerciseLog(engine)
        first, other = await log.add(_entry(1, 368)), await log.add(_entry(1, 100))
        changed = dataclasses.replace(first, minutes=30.0, distance_km=None, kcal=245)
        assert not await log.update(dataclasses.replace(changed, user_id=UserId(2)))  # not user 2's
        assert not await log.update(dataclasses.replace(changed, id=None))
        assert await log.update(changed)
        day = await log.on_day(UserId(1), DAY)
        assert [(e.id, e.minutes, e.distance_km, e.kcal) for e in day] == [
            (first.id, 30.0, None, 245),
            (other.id, 45.0, 6.75, 100),
        ]
        assert day[0].logged_at == first.logged_at and day[0].local_day == DAY
    finally:
        await engine.dispose()


async def test_exercise_raises_the_budget_of_the_close_out_only_when_on(db_url: str) -> None:
    """Three users eat the same: over their target by less than the allowance; exercise on, off, never chosen."""
    engine = make_engine(db_url)
    try:
        profile = random_profile(random.Random(7))
        target = daily_target(profile, DAY.year).kcal
        log = SqlExerciseLog(engine)
        for user_id in (1, 2, 3):
            await add_user(engine, user_id, profile)
            await log.add(_entry(user_id, 700))
            await add_meal(engine, user_id, DAY, [target + 200.0])
        await log.set_counts_in_budget(UserId(1), True)
        await log.set_counts_in_budget(UserId(2), False)
        await SqlBulkCloser(engine, GameRules()).close_out(DAY, None)
        async with engine.connect() as conn:
            rows = {r.user_id: r for r in await conn.execute(select(DayResultRow).where(DayResultRow.day == DAY))}
        allowance = exercise_allowance(700, True)
        assert allowance == 350
        assert (rows[1].result, rows[1].target_kcal) == ("won", target + allowance)
        assert (rows[2].result, rows[2].target_kcal) == ("lost", target)
        assert (rows[3].result, rows[3].target_kcal) == ("lost", target)
    finally:
        await engine.dispose()


async def test_the_python_close_judges_the_same_budget(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        profile = random_profile(random.Random(7))
        target = daily_target(profile, DAY.year).kcal
        log = SqlExerciseLog(engine)
        sessions = make_session_factory(engine)
        for user_id, on in ((1, True), (2, False)):
            await add_user(engine, user_id, profile)
            await log.add(_entry(user_id, 2000))  # the allowance is capped at 500
            await add_meal(engine, user_id, DAY, [target + 450.0])
            await log.set_counts_in_budget(UserId(user_id), on)
            events = await close_user_day(SqlGameUnitOfWork(sessions), UserId(user_id), DAY, GameRules(), log)
            outcome = events[0].outcome  # type: ignore[union-attr]
            expected = ("won", target + 500) if on else ("lost", target)
            assert (outcome.result.value, outcome.target_kcal) == expected
    finally:
        await engine.dispose()


async def test_the_migration_goes_down_and_up(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        async with engine.begin() as conn:
            assert {"exercises", "exercise_settings"} <= await conn.run_sync(table_names)
            await conn.run_sync(migrate, engine.url.render_as_string(hide_password=False), "exercise@-1", True)
            assert not {"exercises", "exercise_settings"} & await conn.run_sync(table_names)
            assert "meals" in await conn.run_sync(table_names)
        await upgrade(engine)
        async with engine.connect() as conn:
            assert {"exercises", "exercise_settings"} <= await conn.run_sync(table_names)
        await add_user(engine, 1, random_profile(random.Random(3)))
        assert (await SqlExerciseLog(engine).add(_entry(1, 10))).id is not None
    finally:
        await engine.dispose()


async def test_exercises_follow_a_joined_account_and_go_with_a_deleted_one(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        log = SqlExerciseLog(engine)
        for user_id in (1, 2, 3):
            await add_user(engine, user_id, random_profile(random.Random(user_id)))
            await log.add(_entry(user_id, 100 * user_id))
            await log.set_counts_in_budget(UserId(user_id), True)
        async with engine.begin() as conn:
            rows = [{"platform": "telegram", "external_id": str(n), "user_id": n} for n in (1, 2, 3)]
            await conn.execute(insert(IdentityRow), rows)
        accounts = SqlAccountStore(make_session_factory(engine))
        await accounts.join_identity("telegram", "3", UserId(2))  # user 3 is merged into 2 and removed
        assert sorted(e.kcal for e in await log.on_day(UserId(2), DAY)) == [200, 300]
        await accounts.delete_user(UserId(1))
        async with engine.connect() as conn:
            owners = {row.user_id for row in await conn.execute(select(ExerciseRow.user_id))}
            settings = {row.user_id for row in await conn.execute(select(ExerciseSettingRow.user_id))}
        assert owners == {2} and settings == {2}
    finally:
        await engine.dispose()
