"""'A bar of X and Y' is one bar made of both (core.food.dishes.fold_shaped_contents, through the parser)."""

from __future__ import annotations

from core.food.parse import parse_meal


def _words(text: str) -> list[tuple[str, ...]]:
    return [item.words for item in parse_meal(text).items]


def test_a_bar_of_two_things_is_one_bar() -> None:
    items = parse_meal("a bar of oats and nuts").items
    assert len(items) == 1 and items[0].unit == "bar"
    assert set(items[0].words) == {"oats", "nuts", "bar"}


def test_a_food_with_its_own_article_stays_apart() -> None:
    assert _words("a bar of chocolate and a coffee") == [("chocolate",), ("coffee",)]
    assert len(_words("a bar of chocolate and then some coffee")) == 2


def test_other_units_are_not_folded() -> None:
    assert _words("a glass of milk and cookies") == [("milk",), ("cookies",)]


def test_a_weighed_second_food_stays_apart() -> None:
    assert len(_words("a bar of chocolate and 30 g nuts")) == 2
