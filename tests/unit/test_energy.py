"""Worked examples for the daily target, checked by hand against the Mifflin–St Jeor equation."""

import pytest

from core.errors import ProfileIncomplete, UnsafeGoal
from core.model.profile import Activity, GoalKind, Profile, Sex
from core.rules.energy import bmr_mifflin_st_jeor, daily_target


def profile(**kw: object) -> Profile:
    base = Profile(
        sex=Sex.MALE,
        birth_year=1990,
        height_cm=180,
        weight_kg=80,
        activity=Activity.MODERATE,
        goal=GoalKind.LOSE,
        rate_kg_per_week=0.5,
    )
    return base.updated(**kw)


def test_bmr_man_worked_example() -> None:
    # 10*80 + 6.25*180 - 5*35 + 5 = 800 + 1125 - 175 + 5 = 1755
    assert bmr_mifflin_st_jeor(Sex.MALE, 80, 180, 35) == pytest.approx(1755)


def test_bmr_woman_worked_example() -> None:
    # 10*60 + 6.25*165 - 5*30 - 161 = 600 + 1031.25 - 150 - 161 = 1320.25
    assert bmr_mifflin_st_jeor(Sex.FEMALE, 60, 165, 30) == pytest.approx(1320.25)


def test_target_for_losing_half_a_kilo_a_week() -> None:
    target = daily_target(profile(), year=2025)
    # BMR 1755 x 1.55 = 2720.25; 0.5 kg x 7700 / 7 = 550 -> 2170.25
    assert target.tdee == pytest.approx(2720.25)
    assert target.goal_delta == pytest.approx(-550)
    assert target.kcal == 2170
    assert not target.floored


def test_maintain_and_gain() -> None:
    assert daily_target(profile(goal=GoalKind.MAINTAIN), 2025).kcal == 2720
    assert daily_target(profile(goal=GoalKind.GAIN, rate_kg_per_week=0.25), 2025).kcal == 2995  # 2720.25 + 275


def test_safe_floor_for_a_small_sedentary_woman() -> None:
    small = profile(
        sex=Sex.FEMALE, height_cm=150, weight_kg=45, birth_year=1955, activity=Activity.SEDENTARY, rate_kg_per_week=1.0
    )
    target = daily_target(small, 2025)
    # BMR 450 + 937.5 - 350 - 161 = 876.5; x1.2 = 1051.8; -1100 -> negative, floored to 1200
    assert target.kcal == 1200
    assert target.floored


def test_floor_is_1500_for_men() -> None:
    assert (
        daily_target(profile(weight_kg=50, height_cm=160, activity=Activity.SEDENTARY, rate_kg_per_week=1), 2025).kcal
        == 1500
    )


def test_more_than_a_kilo_a_week_is_refused_with_a_reason() -> None:
    with pytest.raises(UnsafeGoal, match="safe maximum of 1 kg"):
        daily_target(profile(rate_kg_per_week=1.5), 2025)


def test_incomplete_profile_names_the_missing_fields() -> None:
    with pytest.raises(ProfileIncomplete) as err:
        daily_target(Profile(sex=Sex.MALE), 2025)
    assert err.value.missing == ["birth_year", "height_cm", "weight_kg", "activity", "goal"]
