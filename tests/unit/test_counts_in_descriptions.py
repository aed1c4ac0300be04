"""A number inside a dish's description counts what the dish is made of, never the dish (#13).

"an omelet made with 3 eggs" is one omelet, not three; the dish's own amount still counts ("2 omelets made
with 3 eggs" are two). Only when nothing before the description gives an amount, size or unit (not even an
article: "omelet made with 3 eggs") is the number inside read as before. Sentences written for the tests.
"""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal


@pytest.mark.parametrize(
    "text",
    ["an omelet made with 3 eggs", "a smoothie made with 2 bananas", "a cup of soup made with 2 carrots"],
)
def test_a_count_in_the_description_is_not_the_dish_count(text: str) -> None:
    dish = parse_meal(text).items[0]
    assert dish.amount == 1 and not dish.amount_stated


def test_the_dish_keeps_its_own_size_and_unit() -> None:
    dish = parse_meal("a large bowl of rice topped with 2 eggs").items[0]
    assert (dish.amount, dish.unit, dish.size) == (1, "bowl", "large")
    assert "bowl" not in dish.words and "large" not in dish.words


def test_the_dish_own_count_still_counts() -> None:
    dish = parse_meal("2 omelets made with 3 eggs").items[0]
    assert dish.amount == 2 and dish.amount_stated
