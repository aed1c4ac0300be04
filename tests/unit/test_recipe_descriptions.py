"""What a dish is made with goes on after "combined with" (core/food/segment.py); sentences written for the tests."""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal


@pytest.mark.parametrize(
    ("text", "head", "inside"),
    [
        ("a mug of cocoa made with a sugar-free powder combined with skim milk", "cocoa", "milk"),
        ("a bowl of oatmeal prepared with rolled oats combined with whole milk", "oatmeal", "milk"),
        ("a latte made with fresh espresso combined with oat milk", "latte", "oat"),
    ],
)
def test_what_a_recipe_is_combined_with_stays_in_the_recipe(text: str, head: str, inside: str) -> None:
    meal = parse_meal(text)
    (item,) = meal.items
    assert item.words[-1] == head and inside in item.modifiers, (item.words, item.modifiers)


def test_combined_with_outside_a_recipe_still_adds_a_food() -> None:
    meal = parse_meal("a grilled cheese sandwich combined with a bowl of tomato soup")
    assert [i.words[-1] for i in meal.items] == ["sandwich", "soup"]
