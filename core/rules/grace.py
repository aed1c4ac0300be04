"""The grace period: when a user's local day may be closed, for any time zone (DST and odd offsets included)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from core.rules.days import zone
from core.rules.game_rules import GameRules


def closable_through(tz_name: str, now: datetime, rules: GameRules) -> date:
    """The latest local day of ``tz_name`` that may be closed at the aware moment ``now``.

    Day D closes once the local wall clock reads D+1 plus ``grace_minutes`` (03:00 by default).
    Wall-clock arithmetic makes DST days behave as people expect: on a spring-forward night the
    03:00 deadline is the first moment after the gap.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    local = now.astimezone(zone(tz_name)).replace(tzinfo=None)
    return (local - timedelta(minutes=rules.grace_minutes)).date() - timedelta(days=1)


def is_closable(day: date, tz_name: str, now: datetime, rules: GameRules) -> bool:
    """True when ``day`` (a local day of ``tz_name``) has passed its grace period at ``now``."""
    return day <= closable_through(tz_name, now, rules)


def zones_by_day(tz_names: Iterable[str], now: datetime, rules: GameRules) -> dict[date, list[str]]:
    """Time zones grouped by their latest closable day, so a close-out runs once per day over many zones."""
    grouped: dict[date, list[str]] = defaultdict(list)
    for name in sorted(set(tz_names)):
        grouped[closable_through(name, now, rules)].append(name)
    return dict(grouped)
