"""Synthetic reports for the chart benchmark and previews: an empty user, one day, a year of data."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta

from core.model import UserAccount, UserId
from core.model.day_totals import DayTotals
from core.model.profile import Activity, GoalKind, Profile, Sex
from core.model.weight import WeightEntry
from core.progress.bmi_series import bmi_points
from core.progress.goal import goal_eta
from core.progress.tips import pick_tip
from core.progress.trend import daily_readings, rate_kg_per_week, smoothed_trend
from core.progress.week import day_rows, statuses_over, streak, week_stats
from core.progress.weeks import week_days, week_start
from core.services.weekly_history import WeekReport
from core.services.weight_progress import WeightReport

TODAY = date(2026, 11, 25)
TARGET = 2000
PROFILE = Profile(Sex.FEMALE, 1990, 168.0, 82.0, Activity.LIGHT, GoalKind.LOSE, 0.5, 70.0)


def sample_user(profile: Profile = PROFILE) -> UserAccount:
    """A user who started a year before :data:`TODAY`."""
    return UserAccount(UserId(1), "Sam", profile, datetime(2025, 11, 1, tzinfo=UTC))


def sample_days(count: int, seed: int = 7) -> dict[date, DayTotals]:
    """``count`` days of meals up to yesterday, Saturdays heavier, some days skipped."""
    rng = random.Random(seed)
    totals = {}
    for n in range(1, count + 1):
        day = TODAY - timedelta(days=n)
        if rng.random() < 0.1:
            continue
        kcal = rng.gauss(1850 + (500 if day.weekday() == 5 else 0), 250)
        totals[day] = DayTotals(day, max(kcal, 300.0), kcal * 0.2 / 4, kcal * 0.5 / 4, kcal * 0.3 / 9, 3)
    return totals


def sample_weights(count: int, seed: int = 7) -> list[WeightEntry]:
    """``count`` daily weigh-ins up to today, drifting down 0.4 kg/week with noise."""
    rng = random.Random(seed)
    entries = []
    for n in range(count - 1, -1, -1):
        day = TODAY - timedelta(days=n)
        kg = 82.0 - 0.4 / 7 * (count - n) + rng.gauss(0, 0.35) + 0.3 * math.sin(n / 5)
        entries.append(WeightEntry(UserId(1), round(kg, 1), datetime(day.year, day.month, day.day, 7, tzinfo=UTC), day))
    return entries


def sample_week(days_of_meals: int, weeks_back: int = 0) -> WeekReport:
    """A week report built the way the use case builds it."""
    totals = sample_days(days_of_meals)
    monday = week_start(TODAY) - timedelta(weeks=weeks_back)
    first = min(totals, default=TODAY)
    rows = day_rows(week_days(monday), totals, TODAY, TARGET, first)
    statuses = statuses_over(TODAY - timedelta(days=400), TODAY, totals, TODAY, TARGET, first)
    tip_rows = day_rows([TODAY - timedelta(days=n) for n in range(56, 0, -1)], totals, TODAY, TARGET, first)
    weights = sample_weights(min(days_of_meals, 30))
    stats = week_stats(rows, weights, streak(statuses, min(monday + timedelta(days=6), TODAY)))
    return WeekReport(sample_user(), monday, TODAY, weeks_back, TARGET, tuple(rows), stats, pick_tip(tip_rows),
                      first < monday)  # fmt: skip


def sample_weight_report(count: int, profile: Profile = PROFILE) -> WeightReport:
    """A weight report over ``count`` daily weigh-ins."""
    readings = daily_readings(sample_weights(count)) if count else []
    trend = smoothed_trend(readings)
    rate = rate_kg_per_week(readings)
    last = readings[-1].day if readings else TODAY
    eta = goal_eta(trend[-1].kg if trend else None, profile.goal_weight_kg, rate, last, profile.goal)
    change = round(readings[-1].kg - readings[0].kg, 2) if len(readings) > 1 else None
    return WeightReport(sample_user(profile), TODAY, tuple(readings), tuple(trend),
                        tuple(bmi_points(readings, profile.height_cm)), change, None, rate, eta)  # fmt: skip
