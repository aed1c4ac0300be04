"""A day's exercise and the budget it gives (use cases on the in-memory exercise log)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from core.exercise.burn import burn
from core.exercise.words import read_exercise
from core.model import UserId
from core.model.profile import Profile, UserAccount
from core.services.exercise_day import exercise_day, with_exercise_budget
from core.services.log_exercise import log_exercise
from core.services.today_summary import summarise
from tests.fakes.exercise import MemoryExerciseLog
from tests.fakes.memory import FixedClock

DAY = date(2026, 6, 1)
ANA = UserAccount(UserId(1), "ana", Profile(timezone="Europe/Paris"), datetime(2026, 1, 1, tzinfo=UTC))


async def _log(log: MemoryExerciseLog, text: str, clock: FixedClock) -> int:
    said = read_exercise(text)
    assert said is not None
    return (await log_exercise(log, clock, ANA, burn(said, 70.0))).kcal


async def test_a_day_adds_up_its_exercise_and_counts_it_only_when_on() -> None:
    log, clock = MemoryExerciseLog(), FixedClock(datetime(2026, 6, 1, 21, 30, tzinfo=UTC))  # 23:30 in Paris
    first = await _log(log, "ran 40 min", clock)
    second = await _log(log, "walked for an hour", clock)
    clock.current = datetime(2026, 6, 1, 22, 30, tzinfo=UTC)  # 00:30 on June 2 in Paris: the next day
    await _log(log, "30 min yoga", clock)
    off = await exercise_day(log, ANA.id, DAY)
    assert (len(off.entries), off.kcal, off.counts, off.allowance) == (2, first + second, False, 0)
    await log.set_counts_in_budget(ANA.id, True)
    on = await exercise_day(log, ANA.id, DAY)
    assert on.counts and on.allowance == min((first + second) // 2, 500)
    summary = await with_exercise_budget(log, ANA.id, summarise(DAY, 2000, []))
    assert summary.target_kcal == 2000 + on.allowance
    assert (await with_exercise_budget(log, ANA.id, summarise(DAY, None, []))).target_kcal is None
    assert (await with_exercise_budget(None, ANA.id, summarise(DAY, 2000, []))).target_kcal == 2000
    await log.set_counts_in_budget(ANA.id, False)
    assert (await with_exercise_budget(log, ANA.id, summarise(DAY, 2000, []))).target_kcal == 2000


async def test_undo_removes_only_todays_last_exercise() -> None:
    import pytest

    from core.errors import NothingToUndo
    from core.services.undo_exercise import undo_last_exercise

    log, clock = MemoryExerciseLog(), FixedClock(datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    with pytest.raises(NothingToUndo):
        await undo_last_exercise(log, clock, ANA)
    await _log(log, "ran 40 min", clock)
    await _log(log, "walked for an hour", clock)
    clock.current = datetime(2026, 6, 2, 8, 0, tzinfo=UTC)
    with pytest.raises(NothingToUndo):  # yesterday's exercise is not today's
        await undo_last_exercise(log, clock, ANA)
    clock.current = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert (await undo_last_exercise(log, clock, ANA)).activity == "walking"
    assert [e.activity for e in await log.on_day(ANA.id, DAY)] == ["running"]
