"""The streak card's "N more won days in a row earn a freeze" is what apply_day then does, for any rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.rules.day_result import DayResult
from core.rules.game_rules import GameRules
from core.rules.streak import StreakState, apply_day, won_days_to_freeze

rules_strategy = st.builds(GameRules, freeze_every=st.integers(1, 10), max_freezes=st.integers(0, 4))


@given(rules=rules_strategy, won_run=st.integers(0, 60), freezes=st.integers(0, 4))
def test_the_countdown_ends_with_the_freeze(rules: GameRules, won_run: int, freezes: int) -> None:
    freezes = min(freezes, rules.max_freezes)
    state = StreakState(streak=won_run, best=won_run, freezes=freezes, won_run=won_run, non_won_run=0)
    left = won_days_to_freeze(state, rules)
    if left is None:
        assert freezes == rules.max_freezes
        assert not apply_day(state, DayResult.WON, rules).freeze_earned
        return
    assert 1 <= left <= rules.freeze_every
    earned = []
    for _ in range(left):
        step = apply_day(state, DayResult.WON, rules)
        earned.append(step.freeze_earned)
        state = step.state
    assert earned == [False] * (left - 1) + [True]  # none before the last of them, one on it
