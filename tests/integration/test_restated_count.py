"""A count written after the food ("sushi, 8 pieces", "chicken wings, 6") is that food's count.

Before: the count was shown as not understood and one usual serving was counted (sushi, 8 pieces: 30 g, 44 kcal).
"""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal
from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(
    ("after", "before", "language"),
    [
        ("sushi, 8 pieces", "8 pieces of sushi", "en"),
        ("chicken wings, 6", "6 chicken wings", "en"),
        ("pizza, 2 slices", "2 slices of pizza", "en"),
        ("almonds, 20", "20 almonds", "en"),
        ("eggs, about 3", "3 eggs", "en"),
        ("sushi, 8 pièces", "8 sushis", "fr"),
    ],
)
async def test_a_count_after_the_food_counts_like_one_before_it(
    estimator: CatalogMealEstimator, after: str, before: str, language: str
) -> None:
    later = await estimator.from_text(after, language)
    first = await estimator.from_text(before, language)
    assert not later.unparsed
    assert [(i.food_id, i.grams) for i in later.items] == [(i.food_id, i.grams) for i in first.items]


def test_a_second_count_is_not_taken_silently() -> None:
    meal = parse_meal("2 eggs, 3")
    assert [i.amount for i in meal.items] == [2.0] and meal.unparsed == ("3",)  # shown as not understood


def test_a_food_after_the_comma_is_a_food_not_a_count() -> None:
    meal = parse_meal("toast, 2 eggs")
    assert [(i.words, i.amount) for i in meal.items] == [(("toast",), 1.0), (("eggs",), 2.0)]


def test_a_number_with_other_words_is_not_taken_for_a_count() -> None:
    meal = parse_meal("eggs, 6 of them")  # not read (yet), but shown as not understood, never dropped
    assert [i.amount for i in meal.items] == [1.0] and "6 of" in meal.unparsed
