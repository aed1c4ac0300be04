"""Every trophy condition, checked one by one from a stats snapshot, and the full-day close step."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from core.rules.day_result import DayResult
from core.rules.game_rules import GameRules
from core.rules.player import DayTally, PlayerStats, bmi_distance, close
from core.rules.trophies import StatsSnapshot, catalogue, newly_unlocked

RULES = GameRules()

# (trophy code, a snapshot just meeting it, the same metric one step short)
CASES = [
    ("first_meal", {"meals": 1}, {"meals": 0}),
    ("first_photo", {"photo_meals": 1}, {}),
    ("first_voice", {"voice_meals": 1}, {}),
    ("first_barcode", {"barcode_meals": 1}, {}),
    ("first_win", {"won_days": 1}, {}),
    ("streak_3", {"best_streak": 3}, {"best_streak": 2}),
    ("streak_7", {"best_streak": 7}, {"best_streak": 6}),
    ("streak_30", {"best_streak": 30}, {"best_streak": 29}),
    ("streak_100", {"best_streak": 100}, {"best_streak": 99}),
    ("streak_365", {"best_streak": 365}, {"best_streak": 364}),
    ("perfect_week", {"perfect_weeks": 1}, {}),
    ("comeback", {"comebacks": 1}, {}),
    ("freeze_saved", {"freezes_used": 1}, {}),
    ("tier_silver", {"best_rp": 300}, {"best_rp": 299}),
    ("tier_gold", {"best_rp": 600}, {"best_rp": 599}),
    ("tier_platinum", {"best_rp": 900}, {"best_rp": 899}),
    ("tier_diamond", {"best_rp": 1200}, {"best_rp": 1199}),
    ("tier_master", {"best_rp": 1500}, {"best_rp": 1499}),
    ("tier_legend", {"best_rp": 1800}, {"best_rp": 1799}),
    ("meals_100", {"meals": 100}, {"meals": 99}),
    ("meals_1000", {"meals": 1000}, {"meals": 999}),
    ("won_100", {"won_days": 100}, {"won_days": 99}),
    ("weight_1", {"weight_lost_kg": 1.0}, {"weight_lost_kg": 0.9}),
    ("weight_5", {"weight_lost_kg": 5.0}, {"weight_lost_kg": 4.9}),
    ("weight_10", {"weight_lost_kg": 10.0}, {"weight_lost_kg": 9.9}),
    ("bmi_better", {"bmi_steps_improved": 1}, {"bmi_steps_improved": 0}),
    ("league_up", {"league_promotions": 1}, {}),
    ("league_podium", {"league_podiums": 1}, {}),
]


def test_catalogue_has_25_or_more_distinct_trophies_all_covered_here() -> None:
    codes = [t.code for t in catalogue(RULES)]
    assert len(codes) >= 25 and len(set(codes)) == len(codes)
    assert sorted(codes) == sorted(code for code, _, _ in CASES)


@pytest.mark.parametrize(("code", "meets", "short"), CASES)
def test_each_condition(code: str, meets: dict[str, float], short: dict[str, float]) -> None:
    assert code in {t.code for t in newly_unlocked(StatsSnapshot(**meets), set(), RULES)}  # type: ignore[arg-type]
    assert code not in {t.code for t in newly_unlocked(StatsSnapshot(**short), set(), RULES)}  # type: ignore[arg-type]


def test_a_trophy_unlocks_once() -> None:
    snap = StatsSnapshot(meals=5, best_streak=8)
    first = {t.code for t in newly_unlocked(snap, set(), RULES)}
    assert first == {"first_meal", "streak_3", "streak_7"}
    assert newly_unlocked(snap, first, RULES) == []


def test_tier_trophies_follow_the_division_size() -> None:
    big = GameRules(rp_per_division=200)
    assert {t.code for t in newly_unlocked(StatsSnapshot(best_rp=600), set(), big)} == {"tier_silver"}


def test_snapshot_derives_weight_and_bmi_progress() -> None:
    stats = PlayerStats(start_weight_kg=100.0, start_bmi_distance=bmi_distance(100.0, 180.0))
    assert stats.start_bmi_distance == 2  # BMI 30.9: obese class I
    snap = stats.snapshot(92.0, 180.0)  # BMI 28.4: overweight
    assert snap.weight_lost_kg == 8.0 and snap.bmi_steps_improved == 1
    assert stats.snapshot(None, None).weight_lost_kg == 0.0


def test_perfect_week_needs_monday_to_sunday_all_won() -> None:
    stats = PlayerStats()
    monday = date(2026, 3, 2)
    for n in range(7):
        outcome = close(stats, monday + timedelta(days=n), DayTally(1800.0, 3), 2000, RULES, 80.0, 180.0)
        stats = outcome.stats
    assert outcome.result is DayResult.WON and stats.perfect_weeks == 1 and stats.freezes == 1
    tuesday_start = PlayerStats()
    for n in range(1, 8):
        tuesday_start = close(tuesday_start, monday + timedelta(days=n), DayTally(1800.0, 3), 2000, RULES).stats
    assert tuesday_start.perfect_weeks == 0  # Tuesday to Monday is not a calendar week


def test_close_counts_meals_by_kind_and_keeps_the_start_weight() -> None:
    stats = close(PlayerStats(), date(2026, 3, 2), DayTally(1500.0, 3, 1, 1, 1), 2000, RULES, 90.0, 180.0).stats
    stats = close(stats, date(2026, 3, 3), DayTally(0.0, 0), 2000, RULES, 85.0, 180.0).stats
    assert (stats.meals, stats.photo_meals, stats.voice_meals, stats.barcode_meals) == (3, 1, 1, 1)
    assert stats.start_weight_kg == 90.0 and stats.won_days == 1 and stats.streak == 0


def test_close_refuses_a_day_already_closed() -> None:
    stats = dataclasses.replace(PlayerStats(), last_closed_day=date(2026, 3, 5))
    with pytest.raises(ValueError, match="not after"):
        close(stats, date(2026, 3, 5), DayTally(), 2000, RULES)
