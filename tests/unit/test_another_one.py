"""One more is counted: "another" food is never the same one said again (core/food/parse.py)."""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal


@pytest.mark.parametrize(
    "text",
    [
        "a beer, then another beer",
        "a slice of pizza and another slice of pizza",
        "a coffee and one more coffee",
        "un café puis un autre café",
    ],
)
def test_another_one_is_counted(text: str) -> None:
    meal = parse_meal(text)
    assert len(meal.items) == 2 and not meal.unparsed


def test_a_restatement_is_still_counted_once() -> None:
    assert len(parse_meal("an apple fritter, exactly one fritter").items) == 1
