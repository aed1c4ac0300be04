"""Domain events: facts in the past tense that use cases return and side effects hang off.

``meals`` holds the everyday facts (a meal logged or undone, a profile or weight saved), ``game`` the facts of
the close-out (days closed, ranks, trophies, leagues). Every event is importable from ``core.events``.
"""

from core.events.game import (
    DayClosed,
    DaysClosedInBulk,
    LeagueDemoted,
    LeaguePromoted,
    LeagueWeekEnded,
    RankChanged,
    TrophyUnlocked,
)
from core.events.meals import MealLogged, MealUndone, ProfileUpdated, WeightLogged

__all__ = [
    "DayClosed",
    "DaysClosedInBulk",
    "LeagueDemoted",
    "LeaguePromoted",
    "LeagueWeekEnded",
    "MealLogged",
    "MealUndone",
    "ProfileUpdated",
    "RankChanged",
    "TrophyUnlocked",
    "WeightLogged",
]
