"""A size word that is part of a food's name ("big" of "a big mac") names that food; elsewhere it is a size.

The built-in foods, offline: "a big mac" was a large portion of "mac" (macaroni and cheese, 452 kcal).
"""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize("text", ["a big mac", "Big Mac", "big mac and medium fries"])
async def test_a_food_named_with_a_size_word_is_that_food(estimator: CatalogMealEstimator, text: str) -> None:
    first = (await estimator.from_text(text, "en")).items[0]
    assert "big mac" in first.name.lower()
    assert 400 <= first.kcal <= 700  # one burger (USDA SR28 21350: 219 g, 563 kcal), not a large one


@pytest.mark.parametrize(("text", "word"), [("a big apple", "apple"), ("a big bowl of rice", "rice")])
async def test_elsewhere_a_size_word_is_still_a_size(estimator: CatalogMealEstimator, text: str, word: str) -> None:
    sized = (await estimator.from_text(text, "en")).items[0]
    plain = (await estimator.from_text(text.replace("big ", ""), "en")).items[0]
    assert word in sized.name.lower() and sized.food_id == plain.food_id
    assert sized.grams > plain.grams
