"""Calendar weeks, Monday to Sunday, counted back from the user's local today."""

from __future__ import annotations

from datetime import date, timedelta

from core.errors import InvalidValue
from core.text import N_

MAX_WEEKS_BACK = 520


def week_start(day: date) -> date:
    """The Monday of the week ``day`` falls in."""
    return day - timedelta(days=day.weekday())


def week_bounds(today: date, weeks_back: int = 0) -> tuple[date, date]:
    """Monday and Sunday of the week ``weeks_back`` weeks before the one holding ``today``."""
    if not 0 <= weeks_back <= MAX_WEEKS_BACK:
        raise InvalidValue("weeks_back", "Give a number of weeks back between 0 and {max}.", max=MAX_WEEKS_BACK)
    monday = week_start(today) - timedelta(weeks=weeks_back)
    return monday, monday + timedelta(days=6)


def week_days(monday: date) -> list[date]:
    """The seven days of the week starting on ``monday``."""
    return [monday + timedelta(days=n) for n in range(7)]


def days_between(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included (empty when ``end`` is before ``start``)."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def parse_weeks_back(text: str) -> int:
    """``""`` → 0, ``"2"`` → 2; anything else is a clear :class:`InvalidValue`."""
    raw = text.strip()
    if not raw:
        return 0
    if not raw.isdigit():
        message = N_("“{text}” is not a number of weeks back: use /history or /history 2.")
        raise InvalidValue("weeks_back", message, text=raw)
    value = int(raw)
    if value > MAX_WEEKS_BACK:
        raise InvalidValue("weeks_back", "Give a number of weeks back between 0 and {max}.", max=MAX_WEEKS_BACK)
    return value
