"""A size word before a meal occasion sizes the occasion, not a food; "king" is a size only as "king size"."""

from __future__ import annotations

import pytest

from core.food.measure import occasion_sizes
from core.food.parse import parse_meal


@pytest.mark.parametrize(
    ("text", "food", "size"),
    [
        ("for a little treat I had a cup of cocoa", "cocoa", None),
        ("a big lunch: a bowl of ramen", "ramen", None),
        ("for a small snack, a large pear", "pear", "large"),
        ("a quick little pick-me-up of a medium latte", "latte", "medium"),
        ("a large breakfast burrito", "burrito", "large"),  # the occasion word names the food
        ("a small dinner roll", "roll", "small"),
        ("a school lunch of pizza", "pizza", "school"),  # a school lunch is a school portion
    ],
)
def test_a_size_before_an_occasion_is_not_the_foods(text: str, food: str, size: str | None) -> None:
    (item,) = parse_meal(text).items
    assert item.words[-1] == food and item.size == size, (item.words, item.size)


def test_the_occasion_size_is_neither_a_size_nor_a_food_word() -> None:
    tokens = ["for", "a", "little", "pick-me-up", "a", "shot", "of", "whisky"]
    assert occasion_sizes(tokens) == {1, 2}
    (item,) = parse_meal(" ".join(tokens)).items
    assert item.words == ("whisky",) and item.unit == "shot" and item.size is None


@pytest.mark.parametrize(("text", "size"), [("a burger from Burger King", None), ("a king size candy bar", "xlarge")])
def test_king_is_a_size_only_as_king_size(text: str, size: str | None) -> None:
    (item,) = parse_meal(text).items
    assert item.size == size
