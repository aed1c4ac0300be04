"""A logged exercise: what, how long, at which weight, and the net kcal it burned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from core.model.ids import UserId


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    """One exercise of a user, filed under their local day (``activity`` is a key of core.exercise.activities)."""

    user_id: UserId
    activity: str
    met: float
    minutes: float
    distance_km: float | None
    weight_kg: float
    kcal: int
    logged_at: datetime
    local_day: date
    id: int | None = None
