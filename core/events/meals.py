"""Domain events: facts in the past tense that use cases return and side effects hang off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.model import Meal, UserId
from core.model.profile import Profile
from core.rules.energy import DailyTarget


@dataclass(frozen=True, slots=True)
class MealLogged:
    """A meal was saved."""

    meal: Meal


@dataclass(frozen=True, slots=True)
class MealUndone:
    """The user's last meal was deleted."""

    meal: Meal


@dataclass(frozen=True, slots=True)
class ProfileUpdated:
    """A profile changed; ``target`` is set once the profile is complete."""

    user_id: UserId
    profile: Profile
    target: DailyTarget | None
    previous_target_kcal: int | None


@dataclass(frozen=True, slots=True)
class WeightLogged:
    """A weigh-in was recorded (and the profile's weight updated)."""

    user_id: UserId
    weight_kg: float
    day: date
    previous_kg: float | None
    profile_update: ProfileUpdated
