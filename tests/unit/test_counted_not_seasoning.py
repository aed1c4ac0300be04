"""A counted item ("a pepper", "2 peppers") is a whole thing: a food served by the pinch loses the near tie."""

from __future__ import annotations

import pytest

from core.food.matching import rank
from core.food.parse import parse_meal
from core.model.food import Food, Portion

BLACK = Food(
    "builtin:black_pepper", "black pepper", 251, 10.4, 64, 3.3, generic=True, aliases=("pepper", "ground pepper"),
    portions=(Portion("1 pinch", 0.1), Portion("1 tsp", 2.3)), default_grams=0.1,
)  # fmt: skip
BELL = Food(
    "builtin:bell_pepper_red", "bell pepper, red", 31, 1, 6, 0.3, generic=True, aliases=("red pepper", "peppers"),
    portions=(Portion("1 medium", 119), Portion("1 large", 164)), default_grams=119,
)  # fmt: skip


def _best(text: str) -> str:
    item = parse_meal(text).items[0]
    return rank(item, [(BLACK, 1.0), (BELL, 1.0)])[0].food.name


@pytest.mark.parametrize("text", ["a pepper", "one pepper", "2 peppers", "an pepper"])
def test_a_counted_pepper_is_a_bell_pepper(text: str) -> None:
    assert _best(text) == "bell pepper, red"


@pytest.mark.parametrize("text", ["pepper", "a pinch of pepper", "a dash of pepper", "1 tsp pepper", "salt and pepper"])
def test_pepper_by_a_seasoning_measure_or_alone_stays_black_pepper(text: str) -> None:
    assert _best(text) == "black pepper"


def test_a_food_given_as_a_list_is_still_read() -> None:
    listed = Food("x:1", "pepper", 251, 10, 64, 3, portions=[Portion("1 pinch", 0.1)], default_grams=0.1)  # type: ignore[arg-type]
    item = parse_meal("a pepper").items[0]
    assert rank(item, [(listed, 1.0), (BELL, 1.0)])[0].food.name == "bell pepper, red"
