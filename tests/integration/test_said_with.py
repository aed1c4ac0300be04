"""A "with" item the matched food's own name already says is in it; what a simple food is topped with is eaten.

Before: "a quarter pounder with cheese" was the quarter pounder with cheese (516 kcal) and 28 g of cheddar (113 kcal).
"""

from __future__ import annotations

import pytest

from core.food.coverage import put_on_top, said_with
from core.food.parse import parse_meal
from core.model.food import Food
from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(("text", "food_id"), [("a quarter pounder with cheese", "quarter-pounder-cheese")])
async def test_what_the_name_says_it_comes_with_is_not_counted_again(
    estimator: CatalogMealEstimator, text: str, food_id: str
) -> None:
    [item] = (await estimator.from_text(text, "en")).items
    assert item.food_id is not None and food_id in item.food_id


async def test_a_with_item_the_name_does_not_say_is_still_counted(estimator: CatalogMealEstimator) -> None:
    items = (await estimator.from_text("a cheeseburger with fries", "en")).items
    assert len(items) == 2 and items[1].kcal > 200  # the fries, a serving beside the burger


def _food(name: str, *aliases: str) -> Food:
    return Food(id="x", name=name, kcal_100g=250.0, protein_100g=10.0, carbs_100g=30.0, fat_100g=10.0, aliases=aliases)


def test_only_the_part_after_with_counts() -> None:
    [_, cheese] = parse_meal("a burger with cheese").items
    assert said_with(cheese, _food("quarter pounder with cheese"))
    assert not said_with(cheese, _food("cheese pizza"))  # "cheese" in the name, but not what it comes with
    [_, butter] = parse_meal("toast with butter").items
    assert not said_with(butter, _food("almond butter"))


def test_an_item_with_its_own_amount_is_its_own() -> None:
    [_, cheese] = parse_meal("a burger with 2 slices of cheese").items
    assert not said_with(cheese, _food("quarter pounder with cheese"))


@pytest.mark.parametrize(
    ("text", "topping"),
    [("yogurt topped with granola", "granola"), ("greek yogurt topped with granola and honey", "honey")],
)
async def test_what_a_simple_food_is_topped_with_is_eaten_too(
    estimator: CatalogMealEstimator, text: str, topping: str
) -> None:
    """Before: the granola and the honey were lost (a simple food's description was not read for foods)."""
    items = (await estimator.from_text(text, "en")).items
    [alone] = (await estimator.from_text(topping, "en")).items
    assert alone.food_id in [i.food_id for i in items]


def test_only_what_comes_after_a_topping_verb_is_put_on_top() -> None:
    [yogurt] = parse_meal("greek yogurt topped with granola and honey").items
    assert put_on_top(yogurt) == ["granola", "honey"]
    [rice] = parse_meal("rice made with oil").items
    assert put_on_top(rice) == []  # how it was made, not something on it
