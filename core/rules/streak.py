"""Streaks with freezes: +1 per won day, a freeze earned per run of won days, spent on a non-won day."""

from __future__ import annotations

from dataclasses import dataclass

from core.rules.day_result import DayResult
from core.rules.game_rules import GameRules


@dataclass(frozen=True, slots=True)
class StreakState:
    """A user's streak: current and best length, freezes held, and the runs the rules look at."""

    streak: int = 0
    best: int = 0
    freezes: int = 0
    won_run: int = 0
    """Consecutive won days (a frozen day ends the run, though not the streak)."""
    non_won_run: int = 0
    """Consecutive non-won days (for the comeback trophy)."""


@dataclass(frozen=True, slots=True)
class StreakStep:
    """What one closed day did to the streak."""

    state: StreakState
    freeze_earned: bool
    freeze_spent: bool
    broken: bool
    comeback: bool
    """A won day after at least 3 non-won days."""


COMEBACK_AFTER = 3


def won_days_to_freeze(state: StreakState, rules: GameRules) -> int | None:
    """How many more won days in a row earn the next freeze (None while the freezes are full).

    What :func:`apply_day` will do, said ahead (the /streak card).
    """
    if state.freezes >= rules.max_freezes:
        return None
    return rules.freeze_every - state.won_run % rules.freeze_every


def apply_day(state: StreakState, result: DayResult, rules: GameRules) -> StreakStep:
    """The streak after one more closed day."""
    if result is DayResult.WON:
        streak = state.streak + 1
        won_run = state.won_run + 1
        earned = won_run % rules.freeze_every == 0 and state.freezes < rules.max_freezes
        new = StreakState(
            streak=streak,
            best=max(state.best, streak),
            freezes=state.freezes + (1 if earned else 0),
            won_run=won_run,
            non_won_run=0,
        )
        return StreakStep(new, earned, False, False, state.non_won_run >= COMEBACK_AFTER)
    spent = state.freezes > 0
    new = StreakState(
        streak=state.streak if spent else 0,
        best=state.best,
        freezes=state.freezes - 1 if spent else 0,
        won_run=0,
        non_won_run=state.non_won_run + 1,
    )
    return StreakStep(new, False, spent, not spent and state.streak > 0, False)
