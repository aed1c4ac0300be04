"""Matching words to the built-in foods: synonyms, survey and brand names, narration that names no food."""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator
from winstreak.estimation import build_catalog


async def _names(estimator: CatalogMealEstimator, text: str) -> tuple[list[str], tuple[str, ...]]:
    est = await estimator.from_text(text, "en")
    return [i.name for i in est.items], est.unparsed


@pytest.mark.parametrize("text", ["127 g of light cow milk", "a glass of cow's milk", "a cup of cow milk"])
async def test_cow_milk_is_milk_and_leaves_no_stray_beef(estimator: CatalogMealEstimator, text: str) -> None:
    names, unparsed = await _names(estimator, text)
    assert len(names) == 1 and names[0].startswith("milk"), names
    assert unparsed == ()


async def test_cow_meat_is_still_beef(estimator: CatalogMealEstimator) -> None:
    names, _ = await _names(estimator, "52 g of fried cow meat")
    assert len(names) == 1 and "beef" in names[0]


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("120 g of grilled banana as a sweet snack", "banana"),
        ("a slice of toast for a savory snack", "toast"),
        ("a sweet potato", "sweet potato"),
    ],
)
async def test_a_taste_word_is_never_the_food(estimator: CatalogMealEstimator, text: str, food: str) -> None:
    names, unparsed = await _names(estimator, text)
    assert len(names) == 1 and food in names[0], names
    assert unparsed == ()


@pytest.mark.parametrize("text", ["a frozen meal", "for dinner I had a TV dinner", "a microwave meal"])
async def test_a_ready_made_meal_is_a_food(estimator: CatalogMealEstimator, text: str) -> None:
    names, unparsed = await _names(estimator, text)
    assert len(names) == 1 and "frozen meal" in names[0], names
    assert unparsed == ()


async def test_a_meal_word_alone_is_still_narration(estimator: CatalogMealEstimator) -> None:
    names, unparsed = await _names(estimator, "for my meal I had 2 eggs")
    assert len(names) == 1 and "egg" in names[0] and unparsed == ()


async def test_searching_cheese_finds_a_cheese_first() -> None:
    hits = await build_catalog().search("cheese", 4)
    assert hits[0].food.id == "builtin:cheddar"
    assert all("naan" not in h.food.name for h in hits[:2])


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a Hot Pockets four cheese pizza turnover", "hot pocket"),
        ("a medium sugar cookie", "sugar cookie"),
        ("a large vanilla wafer cookie", "vanilla wafers"),
        ("a sugar wafer cookie", "sugar wafers"),
        ("a slice of banana cream pie", "banana cream pie"),
        ("a 20 fl oz bottle of Glaceau Vitamin Water", "vitamin water"),
        ("a small bag of wheat crackers", "wheat crackers"),
        ("a piece of plain milk chocolate candy", "milk chocolate"),
        ("a frozen fruit juice bar", "juice bar"),
        ("a cup of chex mix", "snack mix"),
        ("a screwdriver", "vodka orange"),
        ("a 3 Musketeers bar", "nougat"),
        ("127 g of light cow milk", "milk, 1%"),
        ("60 g of espresso coffee", "espresso"),
        ("2 g of edible safflower seed oil", "safflower oil"),
        ("34 g of refined soybean oil", "soybean oil"),
        ("a medium butter cookie", "butter cookies"),  # "cookie" and "cookies" share a stem; not cookie butter
        ("a cup of reduced-fat chocolate milk", "chocolate milk"),
        ("a microwavable tub of Easy Mac", "macaroni and cheese"),
        ("a grilled cheese sandwich made with American cheese on white bread", "grilled cheese"),
    ],
)
async def test_survey_and_brand_names_find_their_usda_food(
    estimator: CatalogMealEstimator, text: str, food: str
) -> None:
    names, unparsed = await _names(estimator, text)
    assert len(names) == 1 and food in names[0], names
    assert unparsed == ()


@pytest.mark.parametrize(
    ("text", "count_grams"),
    [("a three egg omelette", 250), ("a four cheese pizza", 300), ("2 egg whites", 100)],
)
async def test_a_number_naming_a_recipe_is_not_a_count(
    estimator: CatalogMealEstimator, text: str, count_grams: float
) -> None:
    est = await estimator.from_text(text, "en")
    assert len(est.items) == 1 and est.items[0].grams <= count_grams, est.items


async def test_a_counted_dish_is_still_counted(estimator: CatalogMealEstimator) -> None:
    one = await estimator.from_text("a cheese pizza", "en")
    two = await estimator.from_text("2 cheese pizzas", "en")
    assert two.items[0].grams == pytest.approx(2 * one.items[0].grams)


async def test_a_mix_alone_is_not_a_food(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("a mix of flavors", "en")
    assert est.items == () and est.unparsed


async def test_a_bag_of_popcorn_is_the_foods_own_bag(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("a bag of microwave popcorn", "en")
    assert len(est.items) == 1 and est.items[0].grams >= 60  # SR28: a microwave bag is 87 g, not a 28 g packet


async def test_a_numbered_brand_is_not_a_count(estimator: CatalogMealEstimator) -> None:
    one = await estimator.from_text("a 3 Musketeers bar", "en")
    assert len(one.items) == 1 and one.items[0].grams < 80


async def test_a_us_cheese_sandwich_is_sliced_bread_not_a_baguette(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("a cheese sandwich made with American cheese on white bread", "en")
    assert len(est.items) == 1 and 200 <= est.total_kcal <= 400, est.items  # 2 slices of bread + 2 of cheese


async def test_a_merge_never_drops_the_first_food(estimator: CatalogMealEstimator) -> None:
    names, unparsed = await _names(estimator, "a pouch of plain pancakes with a tablespoon of syrup")
    assert any("pancake" in n for n in names) and any("syrup" in n for n in names), names
    assert unparsed == ()


async def test_coffee_with_milk_still_merges(estimator: CatalogMealEstimator) -> None:
    names, _ = await _names(estimator, "coffee with milk")
    assert names == ["café au lait"]


async def test_a_plural_without_a_count_is_several(estimator: CatalogMealEstimator) -> None:
    one = await estimator.from_text("a pancake", "en")
    some = await estimator.from_text("pancakes", "en")
    assert some.items[0].grams > 2 * one.items[0].grams  # the food's own "3 pancakes", not one pancake


async def test_a_shot_is_a_jigger(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("a shot of rum", "en")
    assert len(est.items) == 1 and 35 <= est.items[0].grams <= 50 and est.unparsed == ()


async def test_a_package_of_a_snack_is_its_packet_not_its_big_bag(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("a package of trail mix", "en")
    assert len(est.items) == 1 and est.items[0].grams <= 60  # USDA: a snack packet is about 28 g


@pytest.mark.parametrize("text", ["10 g of boiled parrotfish", "a grilled lionfish", "100 g rockfish"])
async def test_a_fish_the_catalogue_does_not_name_is_cooked_fish(estimator: CatalogMealEstimator, text: str) -> None:
    names, unparsed = await _names(estimator, text)
    assert names == ["fish, cooked"] and unparsed == ()


@pytest.mark.parametrize("text", ["a bag of goldfish", "a catfish"])
async def test_a_compound_the_catalogue_names_keeps_its_food(estimator: CatalogMealEstimator, text: str) -> None:
    names, _ = await _names(estimator, text)
    assert len(names) == 1 and names[0] != "fish, cooked"
