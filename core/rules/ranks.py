"""The rank ladder: tiers Bronze..Legend, divisions III/II/I, ranking points (RP) and the demotion shield."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from core.rules.day_result import DayResult
from core.rules.game_rules import GameRules


class Tier(IntEnum):
    """Tiers from the bottom up; Legend has no divisions."""

    BRONZE = 0
    SILVER = 1
    GOLD = 2
    PLATINUM = 3
    DIAMOND = 4
    MASTER = 5
    LEGEND = 6

    @property
    def title(self) -> str:
        """The tier's display name."""
        return self.name.capitalize()


DIVISIONS = ("III", "II", "I")
LEGEND_STEP = (len(Tier) - 1) * len(DIVISIONS)
"""Index of the first (and only) Legend step: 18 division steps below it."""


@dataclass(frozen=True, slots=True)
class Rank:
    """A position on the ladder: the tier, its division (None for Legend) and the step index from 0."""

    tier: Tier
    division: str | None
    step: int

    @property
    def title(self) -> str:
        """For example ``Gold II`` or ``Legend``."""
        return self.tier.title if self.division is None else f"{self.tier.title} {self.division}"


def step_of(rp: int, rules: GameRules) -> int:
    """The division step of an RP total: 0 = Bronze III … 18 = Legend."""
    return min(max(rp, 0) // rules.rp_per_division, LEGEND_STEP)


def rank_of(rp: int, rules: GameRules) -> Rank:
    """The rank an RP total stands at."""
    return rank_at(step_of(rp, rules))


def rank_at(step: int) -> Rank:
    """The rank of a division step (0 = Bronze III … 18 = Legend)."""
    step = min(max(step, 0), LEGEND_STEP)
    if step == LEGEND_STEP:
        return Rank(Tier.LEGEND, None, step)
    return Rank(Tier(step // len(DIVISIONS)), DIVISIONS[step % len(DIVISIONS)], step)


def step_floor(step: int, rules: GameRules) -> int:
    """The least RP of a division step."""
    return step * rules.rp_per_division


def next_division_rp(rp: int, rules: GameRules) -> int | None:
    """RP at which the next division starts, or None at Legend."""
    step = step_of(rp, rules)
    return None if step == LEGEND_STEP else step_floor(step + 1, rules)


PENALTIES = {DayResult.LOST: "rp_lost", DayResult.UNDER: "rp_under", DayResult.MISSED: "rp_missed"}
"""The :class:`GameRules` field holding the RP penalty of each non-won result (the SQL close-out reads it too)."""


def rp_change(result: DayResult, streak_after: int, rules: GameRules) -> int:
    """RP a day earns: +20 plus the streak bonus when won, a penalty otherwise."""
    if result is DayResult.WON:
        return rules.rp_won + min(rules.rp_streak_bonus_max, streak_after // rules.rp_streak_step)
    penalty: int = getattr(rules, PENALTIES[result])
    return penalty


@dataclass(frozen=True, slots=True)
class RankStep:
    """RP and shield after one day, with the ranks before and after."""

    rp: int
    shield: int
    delta: int
    before: Rank
    after: Rank
    shield_used: bool

    @property
    def promoted(self) -> bool:
        """True when the day moved the user up at least one division."""
        return self.after.step > self.before.step

    @property
    def demoted(self) -> bool:
        """True when the day moved the user down."""
        return self.after.step < self.before.step


def apply_rp(rp: int, shield: int, change: int, rules: GameRules) -> RankStep:
    """Apply a day's RP change: never below zero; a held shield stops a demotion; promotions grant a shield.

    A shield lasts ``shield_days`` closed days and is used up by the first day it protects.
    """
    before = rank_of(rp, rules)
    new = max(rp + change, 0)
    floor = step_floor(before.step, rules)
    used = shield > 0 and new < floor
    if used:
        new = floor
    after = rank_of(new, rules)
    new_shield = rules.shield_days if after.step > before.step else (0 if used else max(shield - 1, 0))
    return RankStep(new, new_shield, new - rp, before, after, used)
