"""The energy an exercise burns: net kcal = (MET − 1) × body weight (kg) × hours.

Net, not gross: the resting 1 MET of that time is already in the daily target (basal rate × activity factor),
so counting it again would let exercise raise the budget by energy the body spends anyway. A distance
without a time becomes a time at the activity's typical speed (``Activity.speed_kmh``).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import InvalidValue
from core.exercise.activities import Activity
from core.exercise.words import ExerciseWords
from core.text import N_

RESTING_MET = 1.0
MAX_MINUTES = 16 * 60  # one entry: at most 16 hours
MAX_DISTANCE_KM = 400.0


@dataclass(frozen=True, slots=True)
class Burn:
    """An estimated exercise: what, how long (and how far, when said), at which weight, and its net kcal."""

    activity: Activity
    minutes: float
    distance_km: float | None
    weight_kg: float
    kcal: int
    minutes_from_distance: bool


def net_kcal(met: float, weight_kg: float, minutes: float) -> int:
    """Whole kcal of ``minutes`` at ``met`` for a body of ``weight_kg``, resting energy excluded."""
    return round(max(met - RESTING_MET, 0.0) * weight_kg * minutes / 60.0)


def burn(words: ExerciseWords, weight_kg: float) -> Burn:
    """The kcal of what ``words`` describe; a clear error when the time cannot be known or is implausible."""
    activity, minutes, distance = words.activity, words.minutes, words.distance_km
    if distance is not None and not 0 < distance <= MAX_DISTANCE_KM:
        raise InvalidValue("distance", N_("Give a distance between 0.1 and {high} km."), high=f"{MAX_DISTANCE_KM:g}")
    from_distance = False
    if minutes is None:
        if activity.speed_kmh is None or distance is None:
            raise InvalidValue(
                "minutes", N_("For {activity}, tell me how long, e.g. “45 min {activity}”."), activity=activity.name
            )
        minutes, from_distance = distance / activity.speed_kmh * 60.0, True
    if not 1 <= minutes <= MAX_MINUTES:
        raise InvalidValue("minutes", N_("Give a time between 1 minute and {hours} hours."), hours=MAX_MINUTES // 60)
    return Burn(activity, minutes, distance, weight_kg, net_kcal(activity.met, weight_kg, minutes), from_distance)
