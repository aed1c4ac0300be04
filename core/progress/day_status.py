"""How one day ended: the single place that classifies days for history and charts.

This mirrors the gamification rule (issue 5): WON between 60 % of the target and the target,
LOST over it, UNDER below 60 %, MISSED when nothing was logged; today is still in progress.
When the closed-day results of issue 5 are stored, history can read them instead of calling
:func:`classify_day` (the service passes statuses on; nothing else depends on this rule).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

UNDER_SHARE = 0.6


class DayStatus(StrEnum):
    """A day's result as shown in history."""

    WON = "won"
    LOST = "lost"
    UNDER = "under"
    MISSED = "missed"
    IN_PROGRESS = "in_progress"
    NONE = "none"  # in the future, before the user started, or no target to judge by

    @property
    def closed(self) -> bool:
        """True for a finished day with a result (won, lost, under or missed)."""
        return self in (DayStatus.WON, DayStatus.LOST, DayStatus.UNDER, DayStatus.MISSED)


def classify_day(
    day: date,
    today: date,
    kcal: float,
    logged: bool,
    target: float | None,
    first_day: date | None,
    open_from: date | None = None,
) -> DayStatus:
    """The status of ``day`` given what was logged, the target and the user's first active day.

    Today is in progress, and so is every day from ``open_from`` on: a past day not closed yet (its grace period).
    """
    if day > today or (first_day is not None and day < first_day):
        return DayStatus.NONE
    if day == today or (open_from is not None and day >= open_from):
        return DayStatus.IN_PROGRESS
    if not logged:
        return DayStatus.MISSED
    if target is None or target <= 0:
        return DayStatus.NONE
    if kcal > target:
        return DayStatus.LOST
    if kcal < UNDER_SHARE * target:
        return DayStatus.UNDER
    return DayStatus.WON
