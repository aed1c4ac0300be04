"""Fun-size, snack-size and mini treats, and names glued by "&" (issue 13); sentences written for these tests."""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal
from core.services.estimate_meal import CatalogMealEstimator


async def _items(estimator: CatalogMealEstimator, text: str) -> tuple[list[tuple[str, float, float]], tuple[str, ...]]:
    est = await estimator.from_text(text, "en")
    return [(i.name, i.grams, i.kcal) for i in est.items], est.unparsed


@pytest.mark.parametrize("text", ["a fun size snickers", "a fun-size snickers bar", "a snack size snickers"])
async def test_a_fun_size_bar_is_the_bars_mini_one(estimator: CatalogMealEstimator, text: str) -> None:
    items, unparsed = await _items(estimator, text)
    (name, grams, kcal), *rest = items
    assert not rest and not unparsed and "bar" in name, name
    assert 15 <= grams <= 22 and kcal < 110  # SR28 19155: a fun-size bar 15 g; the built-in mini 20 g (was 37 g)


async def test_a_mini_pizza_is_a_personal_one_not_a_whole_small_pie(estimator: CatalogMealEstimator) -> None:
    (items, _), (small, _) = await _items(estimator, "a mini pizza"), await _items(estimator, "a small pizza")
    assert len(items) == 1 and "pizza" in items[0][0]
    assert 150 <= items[0][1] <= 250 and items[0][1] < small[0][1]  # a personal pizza (200 g), not a 10-inch pie


@pytest.mark.parametrize(("text", "food"), [("m&m's", "chocolate candies"), ("peanut m&ms", "peanut chocolate")])
async def test_a_name_glued_by_an_ampersand_is_one_food(estimator: CatalogMealEstimator, text: str, food: str) -> None:
    items, unparsed = await _items(estimator, text)
    assert [name for name, _, _ in items] and all(name.startswith(food) for name, _, _ in items), items
    assert len(items) == 1 and not unparsed  # was "m" and "m's" not understood, or two foods for "peanut m&ms"


@pytest.mark.parametrize(("text", "count"), [("toast & jam", 2), ("fish&chips", 1), ("a&w root beer", 1)])
def test_an_ampersand_between_words_is_and(text: str, count: int) -> None:
    meal = parse_meal(text)
    assert len(meal.items) == count, meal.items  # "fish and chips" is one dish; a letter glued by "&" a name ("a&w")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("a fun-size bag of skittles", 18, 22), ("a pack of skittles", 55, 65), ("3 starbursts", 13, 17)],
)
async def test_fruit_candies_by_usda_packs(estimator: CatalogMealEstimator, text: str, low: int, high: int) -> None:
    items, unparsed = await _items(estimator, text)
    assert len(items) == 1 and not unparsed, items  # were not understood at all (a 0 kcal answer)
    assert low <= items[0][1] <= high  # SR28 19370: a fun-size package 20 g, a 2.17 oz pack 62 g; 19156: a chew 5 g
