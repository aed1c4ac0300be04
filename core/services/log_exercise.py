"""Use case: store an estimated exercise (after the user pressed Save) under today or another open day."""

from __future__ import annotations

from datetime import date

from core.exercise.burn import Burn
from core.model import UserAccount
from core.model.exercise import ExerciseEntry
from core.ports import Clock, ExerciseLog
from core.rules.days import local_day
from core.rules.game_rules import GameRules
from core.services.exercise_days import check_open


async def log_exercise(
    log: ExerciseLog,
    clock: Clock,
    user: UserAccount,
    estimate: Burn,
    day: date | None = None,
    rules: GameRules | None = None,
) -> ExerciseEntry:
    """Store ``estimate`` for today (the user's time zone), or for ``day`` while it is open; returns it with its id.

    A ``day`` other than today needs the game ``rules`` (its close-out decides whether it is still open).
    """
    now = clock.now()
    today = local_day(now, user.profile.timezone)
    if day is not None and day != today:
        if rules is None:
            raise ValueError("logging exercise for another day needs the game rules")
        check_open(day, user, clock, rules)
    entry = ExerciseEntry(
        user_id=user.id,
        activity=estimate.activity.key,
        met=estimate.activity.met,
        minutes=estimate.minutes,
        distance_km=estimate.distance_km,
        weight_kg=estimate.weight_kg,
        kcal=estimate.kcal,
        logged_at=now,
        local_day=day or today,
    )
    return await log.add(entry)
