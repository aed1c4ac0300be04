"""When the goal weight will be reached at the current rate — or an honest reason why not."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from core.model.profile import GoalKind

REACHED_WITHIN_KG = 0.3
FLAT_KG_PER_WEEK = 0.05
HORIZON_DAYS = 3 * 365


class EtaKind(StrEnum):
    """The possible answers to "when will I get there?"."""

    ON_TRACK = "on_track"
    REACHED = "reached"
    NO_GOAL = "no_goal"
    NOT_ENOUGH_DATA = "not_enough_data"
    FLAT = "flat"
    WRONG_WAY = "wrong_way"
    TOO_FAR = "too_far"


@dataclass(frozen=True, slots=True)
class GoalEta:
    """The answer; ``day`` is set only for ON_TRACK."""

    kind: EtaKind
    day: date | None = None
    remaining_kg: float | None = None


def goal_eta(
    current_kg: float | None,
    goal_kg: float | None,
    rate_kg_week: float | None,
    last_day: date,
    goal: GoalKind | None = None,
) -> GoalEta:
    """Expected date to reach ``goal_kg`` from ``current_kg`` (the trend) at ``rate_kg_week``.

    Honest answers: REACHED when within 0.3 kg (or past it in the goal's direction), FLAT when the
    rate is under 0.05 kg/week, WRONG_WAY when it points away, TOO_FAR beyond three years.
    """
    if goal_kg is None:
        return GoalEta(EtaKind.NO_GOAL)
    if current_kg is None:
        return GoalEta(EtaKind.NOT_ENOUGH_DATA)
    remaining = round(goal_kg - current_kg, 2)
    passed = (goal is GoalKind.LOSE and remaining >= 0) or (goal is GoalKind.GAIN and remaining <= 0)
    if abs(remaining) <= REACHED_WITHIN_KG or passed:
        return GoalEta(EtaKind.REACHED, remaining_kg=remaining)
    if rate_kg_week is None:
        return GoalEta(EtaKind.NOT_ENOUGH_DATA, remaining_kg=remaining)
    if abs(rate_kg_week) < FLAT_KG_PER_WEEK:
        return GoalEta(EtaKind.FLAT, remaining_kg=remaining)
    if (remaining > 0) != (rate_kg_week > 0):
        return GoalEta(EtaKind.WRONG_WAY, remaining_kg=remaining)
    days = math.ceil(remaining / rate_kg_week * 7.0)
    if days > HORIZON_DAYS:
        return GoalEta(EtaKind.TOO_FAR, remaining_kg=remaining)
    return GoalEta(EtaKind.ON_TRACK, last_day + timedelta(days=days), remaining)
