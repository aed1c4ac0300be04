"""A crust said after its dish describes the dish (core/food/dish_parts.py); a name saying the opposite costs.

Sentences written for the tests, never copied from the evaluation data.
"""

from __future__ import annotations

import pytest

from core.food.items import ParsedItem
from core.food.matching import rank
from core.food.parse import parse_meal
from core.model.food import Food


@pytest.mark.parametrize(
    "text",
    [
        "a slice of veggie pizza with a thin crust",
        "two pieces of ham pizza with a regular crust",
        "a slice of pecan pie with a buttery crust",
        "a quiche with a whole wheat crust",
    ],
)
def test_a_crust_after_its_dish_is_part_of_the_dish(text: str) -> None:
    meal = parse_meal(text)
    (item,) = meal.items
    assert "crust" in item.modifiers and "crust" not in item.words
    assert not meal.unparsed


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("a slice of pizza and 60 g of pie crust", 2),  # an amount of its own: a food
        ("pie crust", 1),
        ("a pizza, crust", 2),  # not joined to the dish: left to the matcher
    ],
)
def test_a_crust_with_its_own_amount_or_alone_stays_a_food(text: str, n: int) -> None:
    items = parse_meal(text).items
    assert len(items) == n and "crust" in items[-1].words


def _food(food_id: str, name: str) -> Food:
    return Food(id=food_id, name=name, kcal_100g=250, protein_100g=10, carbs_100g=30, fat_100g=10)


@pytest.mark.parametrize(
    ("words", "best"),
    [
        (("thick", "crust", "cheese", "pizza"), "deep"),
        (("thin", "crust", "cheese", "pizza"), "thin"),
        (("deep", "dish", "cheese", "pizza"), "deep"),
    ],
)
def test_a_name_saying_the_opposite_loses_to_one_that_agrees(words: tuple[str, ...], best: str) -> None:
    thin = _food("thin", "thin crust cheese pizza")  # shares more words with "thick crust cheese pizza"
    deep = _food("deep", "deep dish pizza, thick crust")
    ranked = rank(ParsedItem(text=" ".join(words), words=words), [(thin, 0.5), (deep, 0.5)])
    assert ranked[0].food.id == best


def test_an_opposite_alone_does_not_hide_the_food() -> None:
    ranked = rank(ParsedItem(text="thick pizza", words=("thick", "pizza")), [(_food("t", "thin crust pizza"), 0.5)])
    assert ranked and ranked[0].score > 0.4  # still found, only ranked lower than a food that agrees
