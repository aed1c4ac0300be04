"""The right form and the right food: a dry grain said cooked, a food named before its class word, SR28 foods added."""

from __future__ import annotations

import pytest

from core.food.items import ParsedItem
from core.food.matching import HEAD_WEIGHT, query_terms
from core.services.estimate_meal import CatalogMealEstimator


async def _items(estimator: CatalogMealEstimator, text: str) -> list[tuple[str, float]]:
    est = await estimator.from_text(text, "en")
    return [(i.name, i.kcal) for i in est.items]


async def test_a_grain_weighed_with_no_cooking_word_is_the_dry_grain(estimator: CatalogMealEstimator) -> None:
    (name, kcal), *rest = await _items(estimator, "83 g of yellow corn grain")
    assert not rest and "dry" in name and kcal > 250  # SR28 corn grain: 365 kcal per 100 g


@pytest.mark.parametrize(
    "text", ["255 g of maize grain that was boiled", "255 g of boiled maize grain", "255 g of corn grain, cooked"]
)
async def test_a_dry_food_said_cooked_is_its_cooked_form(estimator: CatalogMealEstimator, text: str) -> None:
    (name, kcal), *rest = await _items(estimator, text)
    assert not rest and "dry" not in name and kcal < 400, (name, kcal)  # dry grain would be ~930 kcal


async def test_uncooked_rice_stays_uncooked(estimator: CatalogMealEstimator) -> None:
    (name, _), *_ = await _items(estimator, "75 g uncooked rice")
    assert "uncooked" in name


def test_a_class_word_after_a_food_is_not_the_head() -> None:
    terms = dict(query_terms(ParsedItem(text="raw pomegranate fruit", words=("raw", "pomegranate", "fruit")), False))
    assert terms["pomegranate"] == HEAD_WEIGHT and terms["fruit"] < HEAD_WEIGHT
    alone = dict(query_terms(ParsedItem(text="fruit", words=("fruit",)), False))
    assert max(alone.values()) == HEAD_WEIGHT  # alone it is still the food


@pytest.mark.parametrize(
    ("text", "food"),
    [("a raw pomegranate fruit", "pomegranate"), ("a passion fruit", "passion fruit"), ("a kiwi fruit", "kiwi")],
)
async def test_the_food_before_its_class_word_is_matched(estimator: CatalogMealEstimator, text: str, food: str) -> None:
    names = [n for n, _ in await _items(estimator, text)]
    assert names and names[0] == food, names


async def test_a_whole_fruit_counted_is_one_fruit(estimator: CatalogMealEstimator) -> None:
    (_, kcal), *_ = await _items(estimator, "a pomegranate")
    assert 180 < kcal < 280  # SR28: one 4-inch pomegranate, 282 g at 83 kcal per 100 g


@pytest.mark.parametrize(
    ("text", "food", "low", "high"),
    [
        ("56 g of cured, dried beef", "beef, cured, dried", 70, 100),  # SR28 13350: 153 kcal / 100 g
        ("43 g of commercially prepared fruitcake", "fruitcake", 120, 160),  # SR28 18110: 324 kcal / 100 g
    ],
)
async def test_sr28_foods_the_catalogue_lacked(
    estimator: CatalogMealEstimator, text: str, food: str, low: float, high: float
) -> None:
    (name, kcal), *rest = await _items(estimator, text)
    assert not rest and name == food and low < kcal < high


@pytest.mark.parametrize("text", ["a frozen meal of beef", "a frozen meal of chicken in cream sauce", "a TV dinner"])
async def test_a_ready_made_meal_of_something_is_the_ready_meal(estimator: CatalogMealEstimator, text: str) -> None:
    names = [n for n, _ in await _items(estimator, text)]
    assert names and names[0].startswith("frozen meal"), names


async def test_a_frozen_food_is_still_that_food(estimator: CatalogMealEstimator) -> None:
    names = [n for n, _ in await _items(estimator, "a frozen pizza")]
    assert names == ["frozen pizza"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("a sandwich filled with egg, cheese and sausage", "sausage"),  # SR28 21022, not a ham sandwich
        ("a sandwich made with a bagel, loaded with egg, cheese and steak", "steak"),  # SR28 21411
    ],
)
async def test_the_fillings_of_a_sandwich_say_which_sandwich(
    estimator: CatalogMealEstimator, text: str, word: str
) -> None:
    names = [n for n, _ in await _items(estimator, text)]
    assert len(names) == 1 and word in names[0] and "egg" in names[0], names


async def test_a_plain_sandwich_is_still_a_plain_sandwich(estimator: CatalogMealEstimator) -> None:
    names = [n for n, _ in await _items(estimator, "a ham sandwich")]
    assert names == ["ham sandwich"]


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a large iced black tea", "iced tea"),  # an iced tea, not a cup of hot black tea
        ("a glass of unsweetened iced black tea", "unsweetened iced tea"),
        ("a cup of black tea", "tea"),
        ("a can of sweetened carbonated water", "cola"),  # a soft drink, not water
        ("a glass of carbonated water", "sparkling water"),
        ("a bottle of unsweetened water", "water"),
        ("a cup of popcorn popped in oil", "salted popcorn"),  # SR28 19035, oil-popped, 500 kcal / 100 g
        ("a cup of popcorn", "air-popped popcorn"),
    ],
)
async def test_drinks_named_by_what_they_are(estimator: CatalogMealEstimator, text: str, food: str) -> None:
    names = [n for n, _ in await _items(estimator, text)]
    assert names == [food]


async def test_a_second_food_the_merge_would_absorb_is_kept(estimator: CatalogMealEstimator) -> None:
    items = await _items(estimator, "a tablespoon of almond butter and a tablespoon of butter")
    assert "butter" in [name for name, _ in items], items  # it was merged into the first food and lost


async def test_foods_listed_with_and_stay_two_unless_a_dish_names_the_pair(estimator: CatalogMealEstimator) -> None:
    """ "steak and fries" is not the "steak fries" cut of fries (the steak was dropped without a word)."""
    names = [name for name, _ in await _items(estimator, "steak and fries with a glass of red wine")]
    assert len(names) == 3 and "steak" in names[0] and "fries" in names[1], names
    for pair in ("mac and cheese", "fish and chips", "rice and beans"):
        (name, _), *rest = await _items(estimator, pair)
        assert not rest and " and " in name, (pair, name)  # the catalogue's dish named as the pair


@pytest.mark.parametrize("text", ["chips and salsa", "tortilla chips and salsa", "some chips with salsa"])
async def test_chips_and_salsa_are_both_counted(estimator: CatalogMealEstimator, text: str) -> None:
    est = await estimator.from_text(text, "en")
    # SR28: 1 oz of tortilla chips (19056, 134 kcal) and 2 tbsp of salsa (06164, 10 kcal)
    assert est.unparsed == () and 120 <= est.total_kcal <= 170, est


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a cup of hot chocolate made with a dry mix", "hot chocolate"),
        ("a cup of hot chocolate made from a mix", "hot chocolate"),
        ("a glass of milk made from powder", "milk"),
    ],
)
async def test_a_drink_made_from_a_mix_is_the_drink(estimator: CatalogMealEstimator, text: str, food: str) -> None:
    (name, kcal), *rest = await _items(estimator, text)
    assert not rest and name.startswith(food) and "powder" not in name and kcal < 250  # a cup, not 132 g of powder


@pytest.mark.parametrize("text", ["a packet of cocoa mix", "hot chocolate mix"])
async def test_the_mix_named_as_the_food_stays_the_mix(estimator: CatalogMealEstimator, text: str) -> None:
    (name, _), *rest = await _items(estimator, text)
    assert not rest and "mix" in name


@pytest.mark.parametrize(("text", "food"), [("an ice cream cup", "ice cream"), ("a yogurt cup", "yogurt")])
async def test_a_cup_after_a_food_holds_that_food(estimator: CatalogMealEstimator, text: str, food: str) -> None:
    est = await estimator.from_text(text, "en")
    (item,) = est.items
    assert food in item.name and est.unparsed == ()
    assert item.grams < 200  # its container (SR28 individual cups: 58-170 g), not a pudding cup or 245 g of yogurt


async def test_a_cup_of_ice_cream_is_a_measuring_cup(estimator: CatalogMealEstimator) -> None:
    (item,) = (await estimator.from_text("a cup of ice cream", "en")).items
    assert "ice cream" in item.name and item.grams == 132  # SR28 19095: 1/2 cup is 66 g


async def test_a_peanut_butter_cup_stays_the_candy(estimator: CatalogMealEstimator) -> None:
    (name, kcal), *rest = await _items(estimator, "a peanut butter cup")
    assert not rest and "peanut butter cup" in name and kcal < 150
