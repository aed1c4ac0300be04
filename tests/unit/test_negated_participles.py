"""A word saying what was not done to a food ("unfrosted", "untoasted") describes it (core/food/parse.py)."""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal


@pytest.mark.parametrize(
    ("text", "food", "word"),
    [
        ("a cinnamon bun, unfrosted", "bun", "unfrosted"),
        ("two slices of rye bread, untoasted, and a tea", "bread", "untoasted"),
        ("a chicken cutlet, unbreaded", "cutlet", "unbreaded"),
    ],
)
def test_a_negated_participle_after_a_food_describes_it(text: str, food: str, word: str) -> None:
    meal = parse_meal(text)
    first = meal.items[0]
    assert first.words[-1] == food and word in first.modifiers
    assert all(word not in i.words for i in meal.items) and not meal.unparsed


def test_the_same_food_said_again_after_its_description_is_counted_once() -> None:
    meal = parse_meal("a glazed donut, unfilled, together with a large glazed donut and a coffee")
    assert [i.words[-1] for i in meal.items] == ["donut", "coffee"]


def test_a_food_that_starts_with_un_is_still_a_food() -> None:
    (item,) = parse_meal("an unagi roll").items  # too short for a participle, and not one
    assert item.words == ("unagi", "roll")
