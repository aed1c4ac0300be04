"""Two foods joined by "and", "&" or "with": kept apart unless the catalogue names the pair (issue 13); sentences
written for these tests."""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator


async def _names(estimator: CatalogMealEstimator, text: str) -> tuple[list[str], tuple[str, ...]]:
    est = await estimator.from_text(text, "en")
    return [i.name for i in est.items], est.unparsed


@pytest.mark.parametrize("text", ["steak with fries", "steak & fries", "steak and fries"])
async def test_steak_with_fries_keeps_the_steak(estimator: CatalogMealEstimator, text: str) -> None:
    names, unparsed = await _names(estimator, text)
    assert len(names) == 2 and "steak" in names[0] and "fries" in names[1] and not unparsed, names  # not "steak fries"


@pytest.mark.parametrize(
    ("text", "dish"),
    [
        ("mac & cheese", "macaroni and cheese"),
        ("peanut butter & jelly sandwich", "peanut butter and jelly sandwich"),
        ("pb&j", "peanut butter and jelly sandwich"),
        ("a pb and j sandwich", "peanut butter and jelly sandwich"),
        ("steak and frites", "steak and fries"),
        ("salt & vinegar chips", "potato chips"),
    ],
)
async def test_a_pair_the_catalogue_names_is_one_dish(estimator: CatalogMealEstimator, text: str, dish: str) -> None:
    names, unparsed = await _names(estimator, text)
    assert names == [dish] and not unparsed, (names, unparsed)


async def test_a_describing_word_after_and_is_not_silently_taken_as_a_description(
    estimator: CatalogMealEstimator,
) -> None:
    names, unparsed = await _names(estimator, "eggs and frites")  # "frites" after "and": fries, never dropped
    assert len(names) == 2 and "fries" in names[1] and not unparsed, (names, unparsed)
    names, unparsed = await _names(estimator, "a sweet roll, unfrosted")  # after a comma it describes the roll
    assert len(names) == 1 and not unparsed


@pytest.mark.parametrize(
    ("text", "food", "low"),
    [("coffee and croissant", "croissant", 45), ("coke and pizza", "pizza", 100), ("beer and burger", "burger", 90)],
)
async def test_a_food_listed_after_a_drink_is_a_serving(
    estimator: CatalogMealEstimator, text: str, food: str, low: float
) -> None:
    est = await estimator.from_text(text, "en")
    grams = {i.name: i.grams for i in est.items}
    eaten = next(g for name, g in grams.items() if food in name)
    assert len(grams) == 2 and eaten >= low, grams  # was a 30 g "topping" of the drink


@pytest.mark.parametrize(("text", "food"), [("coke and pepperoni pizza", "pizza"), ("bread and tomato soup", "bread")])
async def test_a_drink_or_bread_before_a_dish_is_not_its_filling(
    estimator: CatalogMealEstimator, text: str, food: str
) -> None:
    names, unparsed = await _names(estimator, text)
    assert len(names) == 2 and any(food in name for name in names) and not unparsed, names  # was lost in the dish


@pytest.mark.parametrize(
    ("text", "food"), [("kiwi & crunchy beef taco", "kiwi"), ("turkey and cheese sandwich", "turkey")]
)
async def test_a_food_listed_before_a_dish_that_does_not_name_it_is_shown(
    estimator: CatalogMealEstimator, text: str, food: str
) -> None:
    names, unparsed = await _names(estimator, text)
    assert len(names) == 2 and any(food in name for name in names) and not unparsed, names  # was lost in the dish


async def test_a_listed_filling_the_dish_names_stays_in_it(estimator: CatalogMealEstimator) -> None:
    names, _ = await _names(estimator, "ham and cheese sandwich")
    assert names == ["ham and cheese baguette"]  # the ham is in the dish's name: no second item


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("500g mince", "ground beef"),
        ("turkey mince", "ground turkey"),
        ("lamb mince", "ground lamb"),
        ("a mince pie", "mince pie"),
    ],
)
async def test_mince_is_ground_meat_and_a_mince_pie_is_the_pie(
    estimator: CatalogMealEstimator, text: str, food: str
) -> None:
    names, unparsed = await _names(estimator, text)
    assert len(names) == 1 and names[0].startswith(food) and not unparsed, names  # "500g mince" was cardamom
