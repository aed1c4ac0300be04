"""A count is shown only when the grams follow it: "half an avocado on toast" is one avocado toast, no "0.5 ×"."""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator


async def test_half_of_what_a_dish_is_made_of_shows_no_half_count(estimator: CatalogMealEstimator) -> None:
    [toast] = (await estimator.from_text("half an avocado on toast", "en")).items
    [whole] = (await estimator.from_text("an avocado toast", "en")).items
    assert toast.food_id == whole.food_id and toast.grams == whole.grams  # one avocado toast
    assert toast.count is None


async def test_a_half_that_is_counted_keeps_its_count(estimator: CatalogMealEstimator) -> None:
    [half] = (await estimator.from_text("half an avocado", "en")).items
    [one] = (await estimator.from_text("an avocado", "en")).items
    assert half.count == 0.5 and half.grams == pytest.approx(one.grams / 2)
