"""Exercise kcal (net MET × weight × time), distance-only entries, bad values, and the capped budget rule."""

from __future__ import annotations

import pytest

from core.errors import InvalidValue
from core.exercise.activities import ACTIVITIES, BY_KEY
from core.exercise.burn import burn, net_kcal
from core.exercise.words import ExerciseWords, read_exercise
from core.rules.exercise_budget import CAP_KCAL, SHARE_PERCENT, day_budget, exercise_allowance


def test_net_kcal_leaves_out_the_resting_met() -> None:
    assert net_kcal(8.0, 70.0, 60.0) == 490  # (8 - 1) × 70 kg × 1 h
    assert net_kcal(3.5, 80.0, 30.0) == 100  # (3.5 - 1) × 80 × 0.5
    assert net_kcal(1.0, 80.0, 60.0) == 0


def test_kcal_grow_with_weight_and_time() -> None:
    said = read_exercise("30 min cycling")
    assert said is not None
    light, heavy = burn(said, 60.0), burn(said, 90.0)
    assert heavy.kcal > light.kcal > 0
    longer = read_exercise("60 min cycling")
    assert longer is not None and burn(longer, 60.0).kcal == pytest.approx(2 * light.kcal, abs=1)


def test_a_distance_becomes_a_time_at_the_typical_speed() -> None:
    said = read_exercise("I ran 9 km")
    assert said is not None
    estimate = burn(said, 70.0)
    running = BY_KEY["running"]
    assert running.speed_kmh is not None
    assert estimate.minutes_from_distance and estimate.minutes == pytest.approx(9 / running.speed_kmh * 60)
    assert estimate.kcal == net_kcal(running.met, 70.0, estimate.minutes)


def test_a_given_time_wins_over_the_distance() -> None:
    said = read_exercise("ran 5 km in 40 min")
    assert said is not None
    estimate = burn(said, 70.0)
    assert estimate.minutes == 40.0 and not estimate.minutes_from_distance and estimate.distance_km == 5.0


@pytest.mark.parametrize(
    ("words", "field"),
    [
        (ExerciseWords(BY_KEY["yoga"], None, 3.0), "minutes"),  # yoga has no typical speed
        (ExerciseWords(BY_KEY["running"], 0.5, None), "minutes"),
        (ExerciseWords(BY_KEY["running"], 17 * 60.0, None), "minutes"),
        (ExerciseWords(BY_KEY["cycling"], None, 900.0), "distance"),
        (ExerciseWords(BY_KEY["cycling"], None, 0.0), "distance"),
    ],
)
def test_implausible_or_incomplete_exercise_is_refused_with_a_reason(words: ExerciseWords, field: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        burn(words, 70.0)
    assert raised.value.field == field and str(raised.value)


def test_the_table_is_complete_and_sane() -> None:
    assert len({a.key for a in ACTIVITIES}) == len(ACTIVITIES)
    for activity in ACTIVITIES:
        assert activity.code.isdigit() and len(activity.code) == 5
        assert 1.0 < activity.met < 20.0 and activity.words
        assert activity.speed_kmh is None or 0 < activity.speed_kmh < 40


@pytest.mark.parametrize("kcal", [0, 1, 99, 100, 333, 999, 1000, 1001, 5000])
def test_the_allowance_is_a_capped_share_and_nothing_when_off(kcal: int) -> None:
    assert exercise_allowance(kcal, False) == 0
    allowance = exercise_allowance(kcal, True)
    assert allowance == min(kcal * SHARE_PERCENT // 100, CAP_KCAL)
    assert 0 <= allowance <= CAP_KCAL and allowance <= kcal
    assert day_budget(2000, kcal, True) == 2000 + allowance
    assert day_budget(2000, kcal, False) == 2000
