"""Dishes with their context, on the built-in foods: ready meals, crusts, fillings (issue 13).

Sentences written for the tests (never copied from the evaluation data); kcal bounds from USDA SR28 values.
"""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator
from winstreak.estimation import build_catalog


@pytest.fixture(scope="module")
def estimator() -> CatalogMealEstimator:
    return CatalogMealEstimator(build_catalog())


async def _items(estimator: CatalogMealEstimator, text: str) -> list[tuple[str, float]]:
    est = await estimator.from_text(text, "en")
    return [(i.name, i.kcal) for i in est.items]


async def test_a_frozen_meal_is_one_tray(estimator: CatalogMealEstimator) -> None:
    items = await _items(estimator, "a frozen dinner of beef in gravy, served with rice and carrots")
    assert len(items) == 1 and "frozen meal" in items[0][0] and 200 < items[0][1] < 500


async def test_a_pizza_with_a_crust_counts_no_pastry(estimator: CatalogMealEstimator) -> None:
    items = await _items(estimator, "a slice of sausage pizza with a regular crust")
    assert len(items) == 1 and "pizza" in items[0][0], items


async def test_a_thick_crust_is_not_the_thin_crust_pizza(estimator: CatalogMealEstimator) -> None:
    ((name, _),) = await _items(estimator, "a slice of thick crust cheese pizza")
    assert "thin" not in name


async def test_a_steak_and_cheese_sub_is_one_sandwich(estimator: CatalogMealEstimator) -> None:
    items = await _items(estimator, "a steak and cheese submarine sandwich")
    assert len(items) == 1 and "steak" in items[0][0] and 450 < items[0][1] < 900, items


async def test_a_drink_before_a_sandwich_is_its_own_item(estimator: CatalogMealEstimator) -> None:
    names = [name for name, _ in await _items(estimator, "a coffee and ham sandwich")]
    assert len(names) == 2 and "coffee" in names[0]
