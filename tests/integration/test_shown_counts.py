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


@pytest.mark.parametrize(("text", "lang"), [("a tacos", "en"), ("un tacos", "fr"), ("a chicken nuggets", "en")])
async def test_an_article_before_a_plural_shows_a_serving_not_one_piece(
    estimator: CatalogMealEstimator, text: str, lang: str
) -> None:
    """Before: "1 × crunchy beef taco: 240 g" (three tacos' grams under a count of one)."""
    [serving] = (await estimator.from_text(text, lang)).items
    [bare] = (await estimator.from_text(text.split(" ", 1)[1], lang)).items
    assert serving.food_id == bare.food_id and serving.grams == bare.grams  # the plural's usual serving
    assert serving.count is None


@pytest.mark.parametrize(("text", "lang"), [("a taco", "en"), ("1 tacos", "en"), ("2 tacos", "en")])
async def test_a_counted_taco_keeps_its_count(estimator: CatalogMealEstimator, text: str, lang: str) -> None:
    [item] = (await estimator.from_text(text, lang)).items
    [one] = (await estimator.from_text("a taco", lang)).items
    assert item.count is not None and item.grams == pytest.approx(one.grams * item.count)
