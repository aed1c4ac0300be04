"""What a food is served on is eaten too, unless the dish is built on it.

Before: "tuna salad on a croissant", "egg salad on toast", "chili on a baked potato" and "beef stew over mashed
potatoes" lost the croissant, toast and potatoes (a salad or a stew was taken to hold them, as a sandwich holds its
bread), and "a burger on a brioche bun" was a hamburger bun alone: the burger was lost.
"""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal
from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(
    ("text", "dish", "base"),
    [
        ("tuna salad on a croissant", "tuna salad", "a croissant"),
        ("egg salad on toast", "egg salad", "toast"),
        ("chicken salad on a bagel", "chicken salad", "a bagel"),
        ("chili on a baked potato", "chili", "a baked potato"),
        ("beef stew over mashed potatoes", "beef stew", "mashed potatoes"),
        ("salmon on a baked potato", "salmon", "a baked potato"),
    ],
)
async def test_the_base_is_a_serving_of_its_own(
    estimator: CatalogMealEstimator, text: str, dish: str, base: str
) -> None:
    got = [(i.food_id, i.grams) for i in (await estimator.from_text(text, "en")).items]
    expected = [(i.food_id, i.grams) for d in (dish, base) for i in (await estimator.from_text(d, "en")).items]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("a burger on a brioche bun", "a burger"),
        ("a hot dog on a bun", "a hot dog"),
        ("a cheeseburger on a pretzel bun", "a cheeseburger"),
        ("a sandwich on rye", "a sandwich"),
    ],
)
async def test_a_dish_built_on_its_bread_is_that_dish(estimator: CatalogMealEstimator, text: str, alone: str) -> None:
    [item] = (await estimator.from_text(text, "en")).items
    [single] = (await estimator.from_text(alone, "en")).items
    assert (item.food_id, item.grams) == (single.food_id, single.grams)


@pytest.mark.parametrize(("text", "food_id"), [("beans on toast", "beans"), ("avocado on toast", "avocado")])
async def test_a_food_named_with_its_base_is_still_found(
    estimator: CatalogMealEstimator, text: str, food_id: str
) -> None:
    [item] = (await estimator.from_text(text, "en")).items  # the dish "beans on toast", not beans and a slice
    assert item.food_id is not None and food_id in item.food_id and "toast" in item.food_id


def test_an_adjective_after_the_article_is_part_of_the_base() -> None:
    [chili] = parse_meal("chili on a baked potato").items
    assert chili.served_on == ("baked", "potato")
