"""A user's account and body profile: what the daily target is computed from."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from core.model.ids import UserId


class Sex(StrEnum):
    """Biological sex, as the Mifflin–St Jeor equation needs it."""

    MALE = "male"
    FEMALE = "female"


class Activity(StrEnum):
    """Five activity levels, each with its usual TDEE multiplier."""

    SEDENTARY = "sedentary"
    LIGHT = "light"
    MODERATE = "moderate"
    ACTIVE = "active"
    VERY_ACTIVE = "very_active"

    @property
    def factor(self) -> float:
        """The multiplier applied to the basal metabolic rate."""
        return _ACTIVITY_FACTORS[self]


_ACTIVITY_FACTORS = {
    Activity.SEDENTARY: 1.2,
    Activity.LIGHT: 1.375,
    Activity.MODERATE: 1.55,
    Activity.ACTIVE: 1.725,
    Activity.VERY_ACTIVE: 1.9,
}


class GoalKind(StrEnum):
    """What the user wants their weight to do."""

    LOSE = "lose"
    MAINTAIN = "maintain"
    GAIN = "gain"


class Units(StrEnum):
    """How weights and heights are shown: kilograms and centimetres, or pounds and feet/inches.

    Only the display (and how a bare number typed for a weight is read) changes; values are stored in SI.
    """

    METRIC = "metric"
    IMPERIAL = "imperial"


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything about a user that shapes targets and display; fields are optional until onboarded."""

    sex: Sex | None = None
    birth_year: int | None = None
    height_cm: float | None = None
    weight_kg: float | None = None
    activity: Activity | None = None
    goal: GoalKind | None = None
    rate_kg_per_week: float = 0.5
    goal_weight_kg: float | None = None
    timezone: str = "UTC"
    language: str = "en"
    units: Units = Units.METRIC

    REQUIRED = ("sex", "birth_year", "height_cm", "weight_kg", "activity", "goal")

    def missing(self) -> list[str]:
        """Names of the required fields still unset, in onboarding order."""
        return [name for name in self.REQUIRED if getattr(self, name) is None]

    @property
    def is_complete(self) -> bool:
        """True when a daily target can be computed."""
        return not self.missing()

    def updated(self, **changes: object) -> Profile:
        """A copy with the given fields replaced."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class UserAccount:
    """A WinStreak user: one profile, reachable from one or more chat platforms."""

    id: UserId
    display_name: str
    profile: Profile
    created_at: datetime
    active: bool = True
    blocked: bool = False  # an operator blocked them: their messages get a polite refusal
