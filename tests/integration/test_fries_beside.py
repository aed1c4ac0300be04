"""Fries beside a dish: "un burger frites", "saucisse frites" read as "burger et frites".

Before: "frites" was read as the describing word "fried" and the fries were lost (a hamburger alone, 266 kcal).
"""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(
    ("text", "listed"), [("un burger frites", "un burger et des frites"), ("saucisse frites", "saucisse et frites")]
)
async def test_fries_after_a_dish_are_fries(estimator: CatalogMealEstimator, text: str, listed: str) -> None:
    got = (await estimator.from_text(text, "fr")).items
    expected = (await estimator.from_text(listed, "fr")).items
    assert [(i.food_id, i.grams) for i in got] == [(i.food_id, i.grams) for i in expected]
    assert got[-1].food_id == (await estimator.from_text("des frites", "fr")).items[0].food_id


@pytest.mark.parametrize("text", ["steak frites", "moules frites"])
async def test_a_dish_named_with_its_fries_stays_that_dish(estimator: CatalogMealEstimator, text: str) -> None:
    [dish] = (await estimator.from_text(text, "fr")).items
    assert dish.food_id is not None and "fries" in dish.name


async def test_fried_potatoes_are_one_food(estimator: CatalogMealEstimator) -> None:
    assert len((await estimator.from_text("des pommes frites", "fr")).items) == 1
