"""Use case: store an estimated exercise (after the user pressed Save) under their current local day."""

from __future__ import annotations

from core.exercise.burn import Burn
from core.model import UserAccount
from core.model.exercise import ExerciseEntry
from core.ports import Clock, ExerciseLog
from core.rules.days import local_day


async def log_exercise(log: ExerciseLog, clock: Clock, user: UserAccount, estimate: Burn) -> ExerciseEntry:
    """Store ``estimate`` for today (the user's time zone) and return it with its id."""
    now = clock.now()
    entry = ExerciseEntry(
        user_id=user.id,
        activity=estimate.activity.key,
        met=estimate.activity.met,
        minutes=estimate.minutes,
        distance_km=estimate.distance_km,
        weight_kg=estimate.weight_kg,
        kcal=estimate.kcal,
        logged_at=now,
        local_day=local_day(now, user.profile.timezone),
    )
    return await log.add(entry)
