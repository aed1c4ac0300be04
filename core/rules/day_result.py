"""Classifying a closed day: WON, LOST (over target), UNDER (logged too little) or MISSED (nothing logged)."""

from __future__ import annotations

from enum import StrEnum

from core.rules.game_rules import GameRules

EPSILON_KCAL = 1e-6
"""Slack on both bounds, so sums added in another order (SQL vs Python) never flip a result."""


class DayResult(StrEnum):
    """The outcome of one closed day."""

    WON = "won"
    LOST = "lost"
    UNDER = "under"
    MISSED = "missed"


def classify(kcal: float, meals: int, target_kcal: int, rules: GameRules) -> DayResult:
    """The result of a day with ``meals`` logged meals totalling ``kcal`` against ``target_kcal``.

    WON needs ``min_share × target ≤ kcal ≤ target × (1 + tolerance)``; the bounds are inclusive.
    """
    if target_kcal <= 0:
        raise ValueError("target_kcal must be positive")
    if meals <= 0:
        return DayResult.MISSED
    if kcal > target_kcal * (1.0 + rules.tolerance) + EPSILON_KCAL:
        return DayResult.LOST
    if kcal < target_kcal * rules.min_share - EPSILON_KCAL:
        return DayResult.UNDER
    return DayResult.WON
