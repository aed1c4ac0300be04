"""The one-line "kcal left to win" judges the day as the close-out will: by core.rules.day_result's band.

For any rules, target and total (whole or not), the line says "over" exactly when :func:`classify` gives LOST
and "more to count" exactly when it gives UNDER; and its numbers are true: eating the kcal "left" keeps the day
won, the "more" it asks for lifts it out of UNDER, and taking away the kcal "over" brings it back in the band.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bots.common.win_text import win_line
from core.rules.day_result import DayResult, classify
from core.rules.game_rules import GameRules

rules_strategy = st.builds(GameRules, min_share=st.floats(0.0, 1.0), tolerance=st.floats(0.0, 1.0))
totals = st.one_of(st.integers(1, 8000).map(float), st.floats(0.1, 8000.0))


def _number(pattern: str, line: str) -> int:
    found = re.search(pattern, line)
    assert found, line
    return int(found.group(1))


@given(rules=rules_strategy, target=st.integers(800, 5000), kcal=totals)
def test_the_line_and_the_close_out_agree(rules: GameRules, target: int, kcal: float) -> None:
    line = win_line("en", kcal, target, rules)
    result = classify(kcal, 1, target, rules)
    assert ("over" in line) == (result is DayResult.LOST), (line, result)
    assert ("more to count" in line) == (result is DayResult.UNDER), (line, result)
    if result is DayResult.LOST:
        over = _number(r"^(\d+) kcal over", line)
        assert over >= 1 and classify(kcal - over, 1, target, rules) is not DayResult.LOST
        return
    left = _number(r"^(\d+) kcal left", line)
    assert classify(kcal + left, 1, target, rules) is not DayResult.LOST
    if result is DayResult.UNDER:
        more = _number(r"at least (\d+) more", line)
        assert more >= 1 and classify(kcal + more, 1, target, rules) is not DayResult.UNDER


def test_a_total_just_inside_a_fractional_bound_is_won_in_the_line_too() -> None:
    rules = GameRules(min_share=0.6, tolerance=0.0)
    assert classify(1200.8, 1, 2001, rules) is DayResult.WON  # the floor is 0.6 x 2001 = 1200.6
    assert win_line("en", 1200.8, 2001, rules) == "800 kcal left to win today"  # not "at least 0 more to count"
