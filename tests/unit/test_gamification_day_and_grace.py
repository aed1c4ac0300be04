"""Day classification and the grace period across time zones (UTC-12..UTC+14, half-hour zones, DST)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.rules.day_result import DayResult, classify
from core.rules.game_rules import GameRules
from core.rules.grace import closable_through, is_closable, zones_by_day

RULES = GameRules()


@pytest.mark.parametrize(
    ("kcal", "meals", "expected"),
    [
        (0.0, 0, DayResult.MISSED),
        (0.0, 1, DayResult.UNDER),  # a logged zero-kcal drink is not a win
        (1199.0, 2, DayResult.UNDER),
        (1200.0, 2, DayResult.WON),  # exactly 60 % of 2000
        (2000.0, 3, DayResult.WON),  # exactly the target
        (2000.5, 3, DayResult.LOST),
    ],
)
def test_classify_worked_examples(kcal: float, meals: int, expected: DayResult) -> None:
    assert classify(kcal, meals, 2000, RULES) is expected


def test_tolerance_and_min_share_are_settings() -> None:
    loose = GameRules(min_share=0.5, tolerance=0.05)
    assert classify(2100.0, 1, 2000, loose) is DayResult.WON
    assert classify(2101.0, 1, 2000, loose) is DayResult.LOST
    assert classify(1000.0, 1, 2000, loose) is DayResult.WON


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="min_share"):
        GameRules(min_share=1.5)
    with pytest.raises(ValueError, match="target_kcal"):
        classify(100.0, 1, 0, RULES)


@given(st.floats(0, 10000), st.integers(0, 8), st.integers(1000, 5000))
def test_classify_is_total_and_missed_only_without_meals(kcal: float, meals: int, target: int) -> None:
    result = classify(kcal, meals, target, RULES)
    assert (result is DayResult.MISSED) == (meals == 0)
    if result is DayResult.WON:
        assert target * 0.6 - 1e-6 <= kcal <= target + 1e-6


def _utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tz", "now", "closable"),
    [
        ("UTC", _utc(2026, 6, 2, 2, 59), date(2026, 5, 31)),
        ("UTC", _utc(2026, 6, 2, 3, 0), date(2026, 6, 1)),
        ("Etc/GMT+12", _utc(2026, 6, 2, 14, 59), date(2026, 5, 31)),  # UTC-12: 02:59 local
        ("Etc/GMT+12", _utc(2026, 6, 2, 15, 0), date(2026, 6, 1)),
        ("Pacific/Kiritimati", _utc(2026, 6, 1, 12, 59), date(2026, 5, 31)),  # UTC+14: 02:59 on 2 June
        ("Pacific/Kiritimati", _utc(2026, 6, 1, 13, 0), date(2026, 6, 1)),
        ("Asia/Kolkata", _utc(2026, 6, 1, 21, 29), date(2026, 5, 31)),  # UTC+5:30
        ("Asia/Kolkata", _utc(2026, 6, 1, 21, 30), date(2026, 6, 1)),
        ("Asia/Kathmandu", _utc(2026, 6, 1, 21, 15), date(2026, 6, 1)),  # UTC+5:45
        ("Asia/Kathmandu", _utc(2026, 6, 1, 21, 14), date(2026, 5, 31)),
        ("America/St_Johns", _utc(2026, 1, 2, 6, 30), date(2026, 1, 1)),  # UTC-3:30 in winter
        ("Australia/Eucla", _utc(2026, 6, 1, 18, 15), date(2026, 6, 1)),  # UTC+8:45
    ],
)
def test_grace_period_in_every_kind_of_zone(tz: str, now: datetime, closable: date) -> None:
    assert closable_through(tz, now, RULES) == closable


def test_spring_forward_night_closes_at_the_first_moment_after_the_gap() -> None:
    # Europe/Berlin jumps from 02:00 to 03:00 on 29 March 2026 (00:59 → 01:00 UTC).
    assert closable_through("Europe/Berlin", _utc(2026, 3, 29, 0, 59), RULES) == date(2026, 3, 27)
    assert closable_through("Europe/Berlin", _utc(2026, 3, 29, 1, 0), RULES) == date(2026, 3, 28)


def test_fall_back_night_closes_once_at_three_local() -> None:
    # America/New_York: 1 November 2026, 02:00 EDT → 01:00 EST; 03:00 EST is 08:00 UTC.
    assert closable_through("America/New_York", _utc(2026, 11, 1, 7, 59), RULES) == date(2026, 10, 30)
    assert closable_through("America/New_York", _utc(2026, 11, 1, 8, 0), RULES) == date(2026, 10, 31)


def test_lord_howe_half_hour_dst() -> None:
    # Australia/Lord_Howe is UTC+11 in January (DST +30 min); 03:00 local = 16:00 UTC the day before.
    assert closable_through("Australia/Lord_Howe", _utc(2026, 1, 1, 16, 0), RULES) == date(2026, 1, 1)
    assert not is_closable(date(2026, 1, 1), "Australia/Lord_Howe", _utc(2026, 1, 1, 15, 59), RULES)


def test_grace_is_a_setting_and_naive_moments_are_refused() -> None:
    midnight = GameRules(grace_minutes=0)
    assert closable_through("UTC", _utc(2026, 6, 2, 0, 0), midnight) == date(2026, 6, 1)
    with pytest.raises(ValueError, match="aware"):
        closable_through("UTC", datetime(2026, 6, 2), RULES)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)))
def test_every_zone_offset_closes_yesterday_or_the_day_before(now: datetime) -> None:
    for tz in ("Etc/GMT+12", "Pacific/Kiritimati", "Asia/Kathmandu", "Europe/London", "America/Santiago"):
        local_today = now.astimezone(ZoneInfo(tz)).date()
        assert (local_today - closable_through(tz, now, RULES)).days in (1, 2)


def test_zones_are_grouped_by_the_day_they_can_close() -> None:
    grouped = zones_by_day(["UTC", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"], _utc(2026, 6, 2, 4, 0), RULES)
    assert grouped == {date(2026, 6, 1): ["Pacific/Kiritimati", "UTC"], date(2026, 5, 31): ["Etc/GMT+12"]}
