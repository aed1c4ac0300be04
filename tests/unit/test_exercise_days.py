"""Exercise of an open day: logged for yesterday, listed, deleted and changed only while the day is open."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.errors import InvalidValue
from core.exercise.burn import Burn, burn
from core.exercise.words import read_exercise
from core.model import UserId
from core.model.profile import Profile, UserAccount
from core.rules.game_rules import GameRules
from core.services.exercise_days import CLOSED, GONE, change_exercise, delete_exercise, exercise_list
from core.services.log_exercise import log_exercise
from tests.fakes.exercise import MemoryExerciseLog
from tests.fakes.memory import FixedClock

RULES = GameRules()
JUNE_1, JUNE_2 = date(2026, 6, 1), date(2026, 6, 2)
ANA = UserAccount(UserId(1), "ana", Profile(timezone="Europe/Paris"), datetime(2026, 1, 1, tzinfo=UTC))
BO = UserAccount(UserId(2), "bo", Profile(timezone="Europe/Paris"), datetime(2026, 1, 1, tzinfo=UTC))
NIGHT = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)  # 01:30 on June 2 in Paris: June 1 is open until 03:00
MORNING = datetime(2026, 6, 2, 6, 0, tzinfo=UTC)  # 08:00 in Paris: June 1 has closed


def _estimate(text: str, weight: float = 60.0) -> Burn:
    said = read_exercise(text)
    assert said is not None
    return burn(said, weight)


async def test_yesterday_takes_exercise_until_its_close_out_and_then_is_final() -> None:
    log, clock = MemoryExerciseLog(), FixedClock(NIGHT)
    run = await log_exercise(log, clock, ANA, _estimate("ran 5 km"), JUNE_1, RULES)
    today = await log_exercise(log, clock, ANA, _estimate("30 min yoga"))
    assert (run.local_day, today.local_day) == (JUNE_1, JUNE_2)
    assert (await exercise_list(log, clock, RULES, ANA, JUNE_1)).is_open
    clock.current = MORNING
    with pytest.raises(InvalidValue) as closed:
        await log_exercise(log, clock, ANA, _estimate("ran 5 km"), JUNE_1, RULES)
    assert closed.value.template == CLOSED and closed.value.values == {"day": "2026-06-01"}
    listed = await exercise_list(log, clock, RULES, ANA, JUNE_1)
    assert not listed.is_open and [e.id for e in listed.entries] == [run.id]  # readable, no longer open
    assert run.id is not None
    for attempt in (
        delete_exercise(log, clock, RULES, ANA, run.id),
        change_exercise(log, clock, RULES, ANA, run.id, _estimate("ran 40 min")),
    ):
        with pytest.raises(InvalidValue) as gone:
            await attempt
        assert gone.value.template == GONE
    assert [e.kcal for e in log.entries] == [run.kcal, today.kcal]  # nothing changed


async def test_a_future_day_is_never_open() -> None:
    with pytest.raises(InvalidValue):
        await log_exercise(MemoryExerciseLog(), FixedClock(NIGHT), ANA, _estimate("ran 5 km"), date(2026, 6, 3), RULES)


async def test_delete_and_change_touch_only_the_users_own_exercise_of_an_open_day() -> None:
    log, clock = MemoryExerciseLog(), FixedClock(NIGHT)
    run = await log_exercise(log, clock, ANA, _estimate("ran 5 km"), JUNE_1, RULES)
    swim = await log_exercise(log, clock, ANA, _estimate("swam 30 min"))
    assert run.id is not None and swim.id is not None
    with pytest.raises(InvalidValue):
        await delete_exercise(log, clock, RULES, BO, run.id)  # not Bo's
    before, after = await change_exercise(log, clock, RULES, ANA, run.id, _estimate("ran 45 min", 60.0))
    assert (before.minutes, after.minutes, after.distance_km) == (run.minutes, 45.0, None)
    assert (after.id, after.local_day, after.logged_at) == (run.id, JUNE_1, run.logged_at)  # in place
    assert after.kcal == round((8.0 - 1) * 60.0 * 45 / 60) != before.kcal
    gone = await delete_exercise(log, clock, RULES, ANA, swim.id)
    assert gone.id == swim.id and [e.id for e in log.entries] == [run.id]
    with pytest.raises(InvalidValue):
        await delete_exercise(log, clock, RULES, ANA, swim.id)  # already gone
