"""Dishes with their context, on the built-in foods: ready meals, crusts, fillings (issue 13).

Sentences written for the tests (never copied from the evaluation data); kcal bounds from USDA SR28 values.
"""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator


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


@pytest.mark.parametrize(
    ("text", "word", "low", "high"),
    [
        ("one fudgsicle", "fudgsicle", 80, 130),  # SR28 19871: 124 kcal/100 g, an 84 g bar
        ("a sausage and egg biscuit", "sausage", 400, 600),  # SR28 21005: 312 kcal/100 g, 162 g
        ("a bacon, egg and cheese biscuit", "bacon", 350, 520),  # SR28 21007: 301 kcal/100 g, 145 g
        ("a slice of wheat bread with raisins", "raisin", 50, 110),  # SR28 18047: 274 kcal/100 g, 26 g
        ("a quarter cup of green chile sauce", "enchilada sauce", 10, 30),  # SR28 27063: 30 kcal/100 g, 56 g
    ],
)
async def test_sr28_foods_the_catalogue_lacked(
    estimator: CatalogMealEstimator, text: str, word: str, low: float, high: float
) -> None:
    ((name, kcal),) = await _items(estimator, text)
    assert word in name and low < kcal < high, (name, kcal)


async def test_a_stuffed_pasta_shell_is_stuffed_pasta_not_a_taco_shell(estimator: CatalogMealEstimator) -> None:
    ((name, kcal),) = await _items(estimator, "two stuffed shells, baked in marinara")
    assert "taco" not in name and 150 < kcal < 300, (name, kcal)  # a stuffed shell is about 75 g at 140 kcal/100 g


async def test_a_footlong_sub_is_the_food_own_footlong(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("a footlong turkey sub", "en")
    (item,) = est.items
    six_inch = (await estimator.from_text("a 6-inch turkey sub", "en")).items[0]
    assert item.grams == pytest.approx(2 * six_inch.grams)  # a foot is two six-inch subs, not 1.5 x


@pytest.mark.parametrize("text", ["a cup of borek", "a cup of sausage roll", "a cup of samosa"])
async def test_a_cup_of_a_savoury_pastry_is_a_cup_of_baked_goods(estimator: CatalogMealEstimator, text: str) -> None:
    (item,) = (await estimator.from_text(text, "en")).items
    assert item.grams == pytest.approx(72)  # SR28's median "1 cup" of baked products, not 240 ml of a stew


@pytest.mark.parametrize(
    ("text", "diet"),
    [
        ("a can of fruit-flavored soft drink", False),
        ("a can of caffeine-free diet fruit-flavored soft drink", True),
        ("a diet fruit soda", True),
        ("a soft drink", False),
    ],
)
async def test_a_diet_soft_drink_has_no_sugar_and_a_plain_one_has(
    estimator: CatalogMealEstimator, text: str, diet: bool
) -> None:
    ((_, kcal),) = await _items(estimator, text)
    assert (kcal < 10) is diet, kcal


async def test_a_frozen_meal_named_by_its_brand_holds_its_sides(estimator: CatalogMealEstimator) -> None:
    text = "a Swanson dinner that featured fried chicken with corn, gravy, and mashed potatoes"
    items = await _items(estimator, text)
    assert len(items) == 1 and "frozen meal" in items[0][0], items


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("grilled chicken with rice and broccoli", "broccoli"),
        ("stir-fried pork with broccoli and carrots", "carrot"),
        ("roast beef with carrots and potatoes", "carrot"),
        ("120 g of boiled courgettes", "zucchini"),
    ],
)
async def test_a_side_of_a_cooked_dish_is_cooked(estimator: CatalogMealEstimator, text: str, side: str) -> None:
    names = [name for name, _ in await _items(estimator, text)]
    sides = [name for name in names if side in name]
    assert sides and all("raw" not in name for name in sides), names


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("grilled chicken and a raw carrot", "carrot"),
        ("grilled salmon with a salad of spinach", "spinach"),
        ("a carrot", "carrot"),
        ("grilled chicken. a carrot", "carrot"),
    ],
)
async def test_a_raw_side_stays_raw(estimator: CatalogMealEstimator, text: str, side: str) -> None:
    names = [name for name, _ in await _items(estimator, text)]
    assert any(side in name and "raw" in name for name in names), names
