"""Where a day stands against the game's WON band, in one line: "312 kcal left to win today"."""

from __future__ import annotations

import math

from bots.common.i18n import t
from core.rules.day_result import over_band, under_band, won_band
from core.rules.game_rules import GameRules


def win_line(lang: str, kcal: float, target: int, rules: GameRules, today: bool = True) -> str:
    """Kcal left before the top of the WON band, how much is still missing to reach its floor, or how far over."""
    low, high = won_band(target, rules)  # the band classify judges the day by, shown in whole kcal
    if over_band(kcal, high):
        over = f"{math.ceil(kcal - high)}"
        if today:
            return t(lang, "{kcal} kcal over: as it stands, today is lost", kcal=over)
        return t(lang, "{kcal} kcal over: as it stands, that day is lost", kcal=over)
    left = f"{max(math.floor(high - kcal), 0)}"
    if under_band(kcal, low):
        more = f"{math.ceil(low - kcal)}"
        if today:
            return t(lang, "{kcal} kcal left to win today (at least {more} more to count)", kcal=left, more=more)
        return t(lang, "{kcal} kcal left to win that day (at least {more} more to count)", kcal=left, more=more)
    if today:
        return t(lang, "{kcal} kcal left to win today", kcal=left)
    return t(lang, "{kcal} kcal left to win that day", kcal=left)
