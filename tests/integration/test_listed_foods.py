"""Foods listed with "and" are servings of their own; after "with", or inside a measure, they go along.

Before: "soup and sandwich" counted 30 g of sandwich (68 kcal), as if it were a topping on the soup, and
"a bacon egg and cheese biscuit" counted a plate of bacon and eggs beside the biscuit that already holds them.
"""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal
from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(
    ("text", "along"),
    [
        ("soup and sandwich", False),
        ("toast and scrambled eggs", False),
        ("soupe et sandwich", False),
        ("a bagel with cream cheese and jam", True),  # jam comes with the bagel, like the cream cheese
        ("a jar of peas and brown rice", True),  # both in the one jar
        ("a drink of vodka and cola", True),  # one drink
        ("un bol de riz et haricots", True),
    ],
)
def test_what_a_listed_food_belongs_to(text: str, along: bool) -> None:
    last = parse_meal(text).items[-1]
    assert last.listed and last.along is along


@pytest.mark.parametrize(
    ("text", "alone", "language"),
    [
        ("soup and sandwich", "a sandwich", "en"),
        ("toast and scrambled eggs", "scrambled eggs", "en"),
        ("chicken nuggets and chicken sandwich", "a chicken sandwich", "en"),
        ("soupe et sandwich", "un sandwich", "fr"),
    ],
)
async def test_a_listed_food_is_a_serving_of_its_own(
    estimator: CatalogMealEstimator, text: str, alone: str, language: str
) -> None:
    *_, listed = (await estimator.from_text(text, language)).items
    [single] = (await estimator.from_text(alone, language)).items
    assert listed.food_id == single.food_id
    assert listed.grams == pytest.approx(single.grams)  # was a 30 g topping


async def test_a_food_after_with_is_still_a_topping(estimator: CatalogMealEstimator) -> None:
    *_, jam = (await estimator.from_text("a bagel with cream cheese and jam", "en")).items
    [alone] = (await estimator.from_text("jam", "en")).items
    assert jam.food_id == alone.food_id and jam.grams <= 30


@pytest.mark.parametrize("text", ["a bacon egg and cheese biscuit", "bacon egg and cheese biscuit"])
async def test_parts_named_before_a_dish_that_holds_them_are_not_counted_twice(
    estimator: CatalogMealEstimator, text: str
) -> None:
    [biscuit] = (await estimator.from_text(text, "en")).items  # was bacon and eggs (419 kcal) + the biscuit
    assert biscuit.food_id == "builtin:biscuit-egg-cheese-bacon"


async def test_a_food_the_dish_does_not_hold_stays(estimator: CatalogMealEstimator) -> None:
    items = (await estimator.from_text("fish chips and pea soup", "en")).items
    assert len(items) == 2 and items[0].kcal > 500  # fish and chips, then the soup
