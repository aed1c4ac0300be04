"""Daily calorie target: Mifflin–St Jeor BMR, activity factor, goal energy, safety floors."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import ProfileIncomplete, UnsafeGoal
from core.model.profile import GoalKind, Profile, Sex

KCAL_PER_KG = 7700.0
DAYS_PER_WEEK = 7.0  # a weekly rate of loss or gain spread over the days
MAX_RATE_KG_PER_WEEK = 1.0
SAFE_FLOOR_KCAL = {Sex.FEMALE: 1200.0, Sex.MALE: 1500.0}
MIFFLIN_PER_KG, MIFFLIN_PER_CM, MIFFLIN_PER_YEAR = 10.0, 6.25, 5.0
MIFFLIN_SEX_KCAL = {Sex.MALE: 5.0, Sex.FEMALE: -161.0}
"""Mifflin–St Jeor coefficients (the SQL target in storage/gamification/target_sql.py uses the same ones)."""


def bmr_mifflin_st_jeor(sex: Sex, weight_kg: float, height_cm: float, age: int) -> float:
    """Basal metabolic rate in kcal/day (Mifflin–St Jeor, 1990)."""
    base = MIFFLIN_PER_KG * weight_kg + MIFFLIN_PER_CM * height_cm - MIFFLIN_PER_YEAR * age
    return base + MIFFLIN_SEX_KCAL[sex]


def age_in(year: int, birth_year: int) -> int:
    """Age reached during ``year`` (birthdays are not asked, so this is the usual approximation)."""
    return year - birth_year


@dataclass(frozen=True, slots=True)
class DailyTarget:
    """The computed target and how it was reached, so replies can explain it."""

    kcal: int
    bmr: float
    tdee: float
    goal_delta: float
    floored: bool

    @property
    def explanation(self) -> str:
        """One sentence on how the number was derived."""
        text = f"BMR {self.bmr:.0f} × activity = {self.tdee:.0f} kcal maintenance"
        if self.goal_delta:
            text += f", {self.goal_delta:+.0f} kcal/day for your goal"
        if self.floored:
            text += ", raised to the safe minimum"
        return text + "."


def daily_target(profile: Profile, year: int) -> DailyTarget:
    """The daily calorie target for a complete profile in the given calendar year.

    Raises :class:`UnsafeGoal` for a weekly rate above 1 kg and :class:`ProfileIncomplete`
    when a required field is unset.
    """
    missing = profile.missing()
    if missing:
        raise ProfileIncomplete(missing)
    assert profile.sex and profile.weight_kg and profile.height_cm and profile.birth_year
    assert profile.activity and profile.goal
    check_rate(profile.rate_kg_per_week)
    bmr = bmr_mifflin_st_jeor(profile.sex, profile.weight_kg, profile.height_cm, age_in(year, profile.birth_year))
    tdee = bmr * profile.activity.factor
    daily = profile.rate_kg_per_week * KCAL_PER_KG / DAYS_PER_WEEK
    delta = {GoalKind.LOSE: -daily, GoalKind.MAINTAIN: 0.0, GoalKind.GAIN: daily}[profile.goal]
    raw = tdee + delta
    floor = SAFE_FLOOR_KCAL[profile.sex]
    return DailyTarget(kcal=round(max(raw, floor)), bmr=bmr, tdee=tdee, goal_delta=delta, floored=raw < floor)


def check_rate(rate_kg_per_week: float) -> None:
    """Refuse weekly rates that health guidance calls unsafe, with the reason."""
    if rate_kg_per_week < 0:
        raise UnsafeGoal("The weekly rate must be zero or more (the goal says the direction).")
    if rate_kg_per_week > MAX_RATE_KG_PER_WEEK:
        raise UnsafeGoal(
            "{rate} kg a week is more than the safe maximum of 1 kg a week: "
            "faster change costs muscle and is rarely kept. Choose a rate of 1 kg or less.",
            rate=f"{rate_kg_per_week:g}",
        )
