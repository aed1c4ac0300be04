"""Everyday containers and ready-made meals as people name them (issue 13); sentences written for these tests."""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator


async def _items(estimator: CatalogMealEstimator, text: str) -> list[tuple[str, float, float]]:
    est = await estimator.from_text(text, "en")
    return [(i.name, i.grams, i.kcal) for i in est.items]


@pytest.mark.parametrize(
    "text", ["a can of energy drink", "one can of a citrus energy drink", "a Monster", "a can of Rockstar"]
)
async def test_a_can_of_energy_drink_is_the_16_fl_oz_can(estimator: CatalogMealEstimator, text: str) -> None:
    (name, grams, kcal), *rest = await _items(estimator, text)
    assert not rest and name.startswith("energy drink"), name
    assert 450 <= grams <= 500 and 180 < kcal < 250  # SR28 14626 / 14030: 1 can, 16 fl oz, 480 g


@pytest.mark.parametrize("text", ["a can of Red Bull", "a redbull", "a small can of energy drink"])
async def test_the_small_can_stays_small(estimator: CatalogMealEstimator, text: str) -> None:
    (name, grams, kcal), *rest = await _items(estimator, text)
    assert not rest and name.startswith("energy drink"), name
    assert 240 <= grams <= 260 and 90 < kcal < 130  # SR28 14154: 1 can, 8.4 fl oz, 258 g


async def test_two_cans_are_twice_one(estimator: CatalogMealEstimator) -> None:
    (_, one, _), *_ = await _items(estimator, "a can of energy drink")
    (_, two, _), *_ = await _items(estimator, "2 cans of energy drink")
    assert two == pytest.approx(2 * one)


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("a frozen breakfast of waffles and turkey bacon", None),
        ("for dinner a 9 oz meal, which was a light frozen option of pork with green beans", 255.1),
        ("a healthy frozen entrée of chicken with rice and peas", None),
    ],
)
async def test_a_ready_made_meal_is_one_meal_whatever_it_is_called(
    estimator: CatalogMealEstimator, text: str, grams: float | None
) -> None:
    items = await _items(estimator, text)
    assert len(items) == 1 and items[0][0].startswith("frozen meal"), items
    if grams is not None:  # the weight said of the meal is the meal's
        assert items[0][1] == pytest.approx(grams, abs=0.5)


async def test_dinner_rolls_are_rolls_even_frozen(estimator: CatalogMealEstimator) -> None:
    (name, _, kcal), *rest = await _items(estimator, "2 frozen dinner rolls")
    assert not rest and "roll" in name and kcal < 300  # two rolls, not two frozen dinners


@pytest.mark.parametrize("text", ["a snack bag of onion flavored rings", "a bag of Funyuns"])
async def test_onion_flavored_rings_are_the_corn_snack(estimator: CatalogMealEstimator, text: str) -> None:
    (name, grams, kcal), *rest = await _items(estimator, text)
    assert not rest and "snack" in name and 20 <= grams <= 40 and 100 < kcal < 200  # SR28 19007, 1 oz bag


async def test_onion_rings_from_the_fryer_stay_onion_rings(estimator: CatalogMealEstimator) -> None:
    names = [n for n, _, _ in await _items(estimator, "a burger with a side of onion rings")]
    assert "onion rings" in names


@pytest.mark.parametrize("text", ["a tablespoon of light pancake syrup", "waffles with a tablespoon of lite syrup"])
async def test_light_syrup_is_the_reduced_calorie_syrup(estimator: CatalogMealEstimator, text: str) -> None:
    syrups = [(n, g, k) for n, g, k in await _items(estimator, text) if "syrup" in n]
    assert len(syrups) == 1 and "reduced-calorie" in syrups[0][0], syrups
    assert 20 <= syrups[0][2] <= 30  # SR28 19128: 1 tbsp, 15 g, 165 kcal / 100 g


async def test_peaches_in_light_syrup_stay_peaches(estimator: CatalogMealEstimator) -> None:
    names = [n for n, _, _ in await _items(estimator, "a cup of peaches in light syrup")]
    assert len(names) == 1 and names[0].startswith("peaches"), names


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a miniature peanut butter cup", 5, 10),  # SR28 19150: 1 miniature, 7 g (a cup is 17-21 g)
        ("a mini blueberry muffin", 15, 30),  # SR28 18274: 1 mini, 17 g (a small one is 66 g)
        ("a mini bagel", 20, 30),  # SR28 18001: 1 mini bagel, 26 g
    ],
)
async def test_a_mini_one_is_the_foods_own_mini_portion(
    estimator: CatalogMealEstimator, text: str, low: float, high: float
) -> None:
    (_, grams, _), *rest = await _items(estimator, text)
    assert not rest and low <= grams <= high, grams


async def test_a_mini_food_without_a_mini_portion_is_a_small_one(estimator: CatalogMealEstimator) -> None:
    (_, mini, _), *_ = await _items(estimator, "a mini apple")
    (_, small, _), *_ = await _items(estimator, "a small apple")
    (_, muffin, _), *_ = await _items(estimator, "a small blueberry muffin")
    assert mini == small and muffin > 40  # "small" never takes the mini portion


@pytest.mark.parametrize(("text", "grams"), [("a can of Vienna sausages", 113), ("4 canned vienna sausages", 64)])
async def test_canned_vienna_sausages_are_the_small_canned_ones(
    estimator: CatalogMealEstimator, text: str, grams: float
) -> None:
    (name, got, _), *rest = await _items(estimator, text)
    assert not rest and "canned" in name and got == pytest.approx(grams)  # SR28 07083: 16 g each, 113 g a can


async def test_a_creamer_from_an_individual_container_is_one_container(estimator: CatalogMealEstimator) -> None:
    text = "a cup of coffee, topped with a flavored coffee creamer from an individual container"
    est = await estimator.from_text(text, "en")
    creamers = [i for i in est.items if "creamer" in i.name]
    assert len(creamers) == 1 and 10 <= creamers[0].grams <= 20 and not est.unparsed  # 1 container, 15 g


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a cup of no sugar added applesauce", "applesauce, unsweetened"),  # the applesauce was dropped after "no"
        ("a cup of hot cocoa made with water", "hot chocolate, made with water"),  # SR28 14194, 55 kcal / 100 g
        ("a cup of sugar-free hot chocolate", "hot chocolate, sugar-free, made with water"),  # SR28 14390
    ],
)
async def test_no_sugar_added_and_cocoa_made_with_water(estimator: CatalogMealEstimator, text: str, food: str) -> None:
    names = [n for n, _, _ in await _items(estimator, text)]
    assert names == [food]


async def test_molasses_is_counted(estimator: CatalogMealEstimator) -> None:
    items = await _items(estimator, "oatmeal topped with a tablespoon of molasses")
    assert ("molasses", 20.0, 58.0) in items  # SR28 19304: 1 tbsp 20 g, 290 kcal / 100 g


async def test_no_still_leaves_a_food_out(estimator: CatalogMealEstimator) -> None:
    names = [n for n, _, _ in await _items(estimator, "a cheeseburger with no pickles")]
    assert names and not any("pickle" in n for n in names)


async def test_an_individual_carton_is_understood(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("an individual carton of chocolate milk", "en")
    assert [i.name for i in est.items] == ["chocolate milk"] and not est.unparsed  # "individual" was not understood


async def test_an_order_of_fries_is_a_serving(estimator: CatalogMealEstimator) -> None:
    order = await estimator.from_text("a medium order of french fries", "en")
    serving = await estimator.from_text("a medium serving of french fries", "en")
    assert not order.unparsed and order.total_kcal == serving.total_kcal  # "order" was not understood


@pytest.mark.parametrize("text", ["an egg cooked to perfection", "a ground chicken patty", "2 eggs cooked"])
async def test_a_food_eaten_cooked_is_not_raw_after_a_describing_word(
    estimator: CatalogMealEstimator, text: str
) -> None:
    names = [n for n, _, _ in await _items(estimator, text)]
    assert names and "raw" not in names[0], names  # the last word ("cooked", "patty") is not the food
