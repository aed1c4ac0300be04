"""Weeks run Monday to Sunday; days are classified by the issue-5 rule."""

from datetime import date

import pytest

from core.errors import InvalidValue
from core.progress.day_status import DayStatus, classify_day
from core.progress.weeks import parse_weeks_back, week_bounds, week_days

WED = date(2026, 11, 25)  # a Wednesday


def test_week_bounds_current_and_back() -> None:
    assert week_bounds(WED) == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_bounds(WED, 2) == (date(2026, 11, 9), date(2026, 11, 15))
    assert week_bounds(date(2026, 11, 23)) == (date(2026, 11, 23), date(2026, 11, 29))  # Monday itself
    assert week_bounds(date(2026, 11, 29)) == (date(2026, 11, 23), date(2026, 11, 29))  # Sunday itself
    assert week_bounds(date(2027, 1, 1)) == (date(2026, 12, 28), date(2027, 1, 3))  # across the new year


def test_week_days_are_seven_consecutive() -> None:
    days = week_days(date(2026, 11, 23))
    assert len(days) == 7 and days[0].weekday() == 0 and days[-1] == date(2026, 11, 29)


@pytest.mark.parametrize(("text", "value"), [("", 0), (" 3 ", 3), ("0", 0)])
def test_parse_weeks_back(text: str, value: int) -> None:
    assert parse_weeks_back(text) == value


@pytest.mark.parametrize("text", ["-1", "two", "1.5", "9999"])
def test_parse_weeks_back_refuses_clearly(text: str) -> None:
    with pytest.raises(InvalidValue, match="weeks back"):
        parse_weeks_back(text)


@pytest.mark.parametrize(
    ("kcal", "logged", "expected"),
    [
        (2000, True, DayStatus.WON),  # exactly the target
        (1200, True, DayStatus.WON),  # exactly 60 %
        (1199, True, DayStatus.UNDER),
        (2001, True, DayStatus.LOST),
        (0, True, DayStatus.UNDER),  # logged something with 0 kcal
        (0, False, DayStatus.MISSED),
    ],
)
def test_classify_closed_days_against_a_2000_target(kcal: float, logged: bool, expected: DayStatus) -> None:
    assert classify_day(date(2026, 11, 24), WED, kcal, logged, 2000, None) is expected


def test_today_future_and_before_start() -> None:
    assert classify_day(WED, WED, 2500, True, 2000, None) is DayStatus.IN_PROGRESS
    assert classify_day(date(2026, 11, 26), WED, 0, False, 2000, None) is DayStatus.NONE
    assert classify_day(date(2026, 11, 23), WED, 0, False, 2000, date(2026, 11, 24)) is DayStatus.NONE
    assert classify_day(date(2026, 11, 23), WED, 1500, True, None, None) is DayStatus.NONE  # no target yet
    assert DayStatus.MISSED.closed and not DayStatus.IN_PROGRESS.closed
