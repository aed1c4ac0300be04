"""Use case: a day's exercise, its kcal, and what it adds to the day's budget under the user's setting."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from core.model import UserId
from core.model.exercise import ExerciseEntry
from core.ports import ExerciseLog
from core.rules.exercise_budget import exercise_allowance
from core.services.today_summary import DaySummary


@dataclass(frozen=True, slots=True)
class ExerciseDay:
    """The exercises of one day, their net kcal, whether they count, and the kcal they add to the budget."""

    entries: tuple[ExerciseEntry, ...]
    kcal: int
    counts: bool
    allowance: int


async def exercise_day(log: ExerciseLog, user_id: UserId, day: date) -> ExerciseDay:
    """The user's exercise on ``day``."""
    listed, counts = await log.day_and_setting(user_id, day)  # one read, not two
    entries = tuple(listed)
    kcal = sum(entry.kcal for entry in entries)
    return ExerciseDay(entries, kcal, counts, exercise_allowance(kcal, counts))


async def with_exercise_budget(log: ExerciseLog | None, user_id: UserId, summary: DaySummary) -> DaySummary:
    """``summary`` judged against the day's budget: its target raised by the exercise allowance (if any)."""
    if log is None or summary.target_kcal is None:
        return summary
    done = await exercise_day(log, user_id, summary.day)
    if not done.allowance:
        return summary
    return dataclasses.replace(summary, target_kcal=summary.target_kcal + done.allowance)
