"""When time-of-day messages are due: pure wall-clock arithmetic over IANA zones."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from core.errors import InvalidValue
from core.rules.days import zone
from core.text import N_


def parse_clock(text: str) -> time:
    """``"08:00"`` → 08:00; a clear error otherwise."""
    try:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise InvalidValue("time", N_("“{text}” is not a time of day like 08:00 or 20:30."), text=text[:20]) from None


def due_today(pairs: Iterable[tuple[str, str]], now: datetime) -> list[tuple[str, str, date]]:
    """For each (zone, "HH:MM"), the local day on which that time has already been reached at ``now``.

    Every pair is due once its local wall clock passes the time; the caller dedups per local day,
    so running this every few minutes sends each message once, on time, in every zone.
    """
    due = []
    for tz_name, clock_text in sorted(set(pairs)):
        local = now.astimezone(zone(tz_name))
        if local.time().replace(second=0, microsecond=0) >= parse_clock(clock_text):
            due.append((tz_name, clock_text, local.date()))
    return due
