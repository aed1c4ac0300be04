"""Weekly numbers against a worked example week (target 2000 kcal, today is Sunday)."""

from datetime import UTC, date, datetime, timedelta

from core.model import UserId
from core.model.day_totals import DayTotals
from core.model.weight import WeightEntry
from core.progress.day_status import DayStatus
from core.progress.week import day_rows, macro_split, statuses_over, streak, week_stats, weight_change
from core.progress.weeks import week_days

MON = date(2026, 11, 16)
SUN = date(2026, 11, 22)


def totals(day: date, kcal: float, p: float = 0, c: float = 0, f: float = 0) -> DayTotals:
    return DayTotals(day, kcal, p, c, f, 1)


def weigh(day: date, kg: float) -> WeightEntry:
    return WeightEntry(UserId(1), kg, datetime(day.year, day.month, day.day, 7, tzinfo=UTC), day)


# Mon 1800 won, Tue 2300 lost, Wed nothing (missed), Thu 1000 under, Fri 1900 won, Sat 2000 won, Sun in progress.
WEEK = {
    MON: totals(MON, 1800, 100, 200, 60),
    MON + timedelta(1): totals(MON + timedelta(1), 2300, 80, 300, 80),
    MON + timedelta(3): totals(MON + timedelta(3), 1000, 50, 100, 40),
    MON + timedelta(4): totals(MON + timedelta(4), 1900, 90, 220, 60),
    MON + timedelta(5): totals(MON + timedelta(5), 2000, 100, 230, 60),
    SUN: totals(SUN, 700, 30, 80, 20),
}


def test_worked_week() -> None:
    rows = day_rows(week_days(MON), WEEK, SUN, 2000, None)
    assert [r.status for r in rows] == [
        DayStatus.WON,
        DayStatus.LOST,
        DayStatus.MISSED,
        DayStatus.UNDER,
        DayStatus.WON,
        DayStatus.WON,
        DayStatus.IN_PROGRESS,
    ]
    weights = [weigh(MON - timedelta(2), 82.0), weigh(MON + timedelta(2), 81.6), weigh(SUN, 81.1)]
    stats = week_stats(rows, weights, streak_days=2)
    assert stats.average_kcal == (1800 + 2300 + 1000 + 1900 + 2000) / 5  # closed days with meals: 1800
    assert (stats.days_won, stats.days_closed, stats.days_logged) == (3, 6, 6)
    assert stats.weight_change_kg == -0.9  # 81.1 on Sunday minus 82.0 before the week
    assert stats.streak == 2


def test_macro_split_worked_example() -> None:
    # 100 g protein = 400 kcal, 100 g carbs = 400 kcal, 22.2 g fat ≈ 200 kcal → 40 / 40 / 20 %.
    rows = day_rows([MON], {MON: totals(MON, 1000, 100, 100, 200 / 9)}, SUN, 2000, None)
    split = macro_split(rows)
    assert split is not None
    assert (round(split.protein_pct), round(split.carbs_pct), round(split.fat_pct)) == (40, 40, 20)
    assert macro_split(day_rows([MON], {}, SUN, 2000, None)) is None


def test_streak_skips_today_in_progress_and_stops_at_a_loss() -> None:
    statuses = statuses_over(MON, SUN, WEEK, SUN, 2000, None)
    assert streak(statuses, SUN) == 2  # Fri and Sat won, Sunday still in progress
    assert streak(statuses, MON + timedelta(1)) == 0  # Tuesday was lost
    assert streak(statuses, MON) == 1


def test_weight_change_needs_two_readings() -> None:
    assert weight_change([weigh(MON, 80.0)], MON, SUN) is None
    assert weight_change([], MON, SUN) is None
    assert weight_change([weigh(MON, 80.0), weigh(SUN, 80.4)], MON, SUN) == 0.4
    assert weight_change([weigh(MON - timedelta(30), 85.0)], MON, SUN) is None  # nothing this week


def test_empty_week_has_no_average() -> None:
    rows = day_rows(week_days(MON), {}, SUN + timedelta(7), 2000, MON + timedelta(7))
    stats = week_stats(rows, [], 0)
    assert stats.average_kcal is None and stats.days_closed == 0 and stats.macros is None
