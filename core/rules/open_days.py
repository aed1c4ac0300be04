"""Which days still take meals: today, and a past day until its close-out (03:00 the next morning by default).

After the close-out a day is final — its result, streak and RP are settled — so meals can no longer be
added to it, changed or deleted. Words like "yesterday …" / "hier …" pick the day of a meal being logged.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from core.rules.days import local_day
from core.rules.game_rules import GameRules
from core.rules.grace import is_closable

_YESTERDAY = r"(?:yesterday|hier)"
_PREFIX = re.compile(rf"^\s*{_YESTERDAY}(?![\w'’-])\s*[:,-]?\s*", re.IGNORECASE)
_SUFFIX = re.compile(rf"[\s,]+{_YESTERDAY}\s*[.!]?\s*$", re.IGNORECASE)


def days_back_in(text: str) -> tuple[int, str]:
    """1 and the text without the word when it says "yesterday" at its start or end; else 0 and the text."""
    for pattern in (_PREFIX, _SUFFIX):
        match = pattern.search(text)
        if match is not None:
            rest = (text[: match.start()] + " " + text[match.end() :]).strip(" ,:-")
            return 1, re.sub(r"\s{2,}", " ", rest)
    return 0, text


def is_open(day: date, tz_name: str, now: datetime, rules: GameRules) -> bool:
    """True for today and for a past day not yet closable; never for a future day."""
    return day <= local_day(now, tz_name) and not is_closable(day, tz_name, now, rules)


def open_days(tz_name: str, now: datetime, rules: GameRules) -> list[date]:
    """The open days, newest first (today, and yesterday during its grace period)."""
    today = local_day(now, tz_name)
    return [day for day in (today, today - timedelta(days=1)) if is_open(day, tz_name, now, rules)]
