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


def won_band(target_kcal: int, rules: GameRules) -> tuple[float, float]:
    """The kcal a day may total and be WON: ``min_share × target`` to ``target × (1 + tolerance)``, inclusive."""
    return target_kcal * rules.min_share, target_kcal * (1.0 + rules.tolerance)


def over_band(kcal: float, high: float) -> bool:
    """True when ``kcal`` is above the top of the band (a LOST day), with the slack of :data:`EPSILON_KCAL`."""
    return kcal > high + EPSILON_KCAL


def under_band(kcal: float, low: float) -> bool:
    """True when ``kcal`` is below the floor of the band (an UNDER day), with the slack of :data:`EPSILON_KCAL`."""
    return kcal < low - EPSILON_KCAL


def classify(kcal: float, meals: int, target_kcal: int, rules: GameRules) -> DayResult:
    """The result of a day with ``meals`` logged meals totalling ``kcal`` against ``target_kcal``.

    WON needs ``kcal`` within :func:`won_band`; the bounds are inclusive.
    """
    if target_kcal <= 0:
        raise ValueError("target_kcal must be positive")
    if meals <= 0:
        return DayResult.MISSED
    low, high = won_band(target_kcal, rules)
    if over_band(kcal, high):
        return DayResult.LOST
    if under_band(kcal, low):
        return DayResult.UNDER
    return DayResult.WON
