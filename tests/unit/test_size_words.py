"""Size words (core/food/units.py SIZE_WORDS): "miniature" is the mini size, like "mini" (a small one when the
food has no mini portion)."""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal


@pytest.mark.parametrize("text", ["a miniature chocolate bar", "two miniature muffins", "a mini muffin"])
def test_miniature_is_a_mini_size_not_a_food_word(text: str) -> None:
    (item,) = parse_meal(text).items
    assert item.size == "mini" and "miniature" not in item.words
