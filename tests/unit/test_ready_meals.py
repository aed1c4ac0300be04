"""A ready-made meal keeps what it is made of (core/food/ready_meals.py); sentences written for the tests."""

from __future__ import annotations

import pytest

from core.food.parse import parse_meal
from core.food.ready_meals import ready_meal_words


@pytest.mark.parametrize(
    ("words", "named"),
    [
        (("frozen", "meal"), (0, 1)),
        (("tv", "dinner", "chicken"), (0, 1)),
        (("frozen", "diet", "meal"), (0, 1, 2)),
        (("beef", "frozen", "lean", "dinner"), (1, 2, 3)),
        (("frozen", "peas"), None),
        (("frozen", "beef", "meal"), None),  # a food between the words is what the meal is of, not a refinement
        (("diet", "meal"), None),
        (("banquet", "meal", "turkey"), (0, 1)),  # a frozen-meal brand names one too
        (("frozen", "breakfast", "waffles"), (0, 1)),
        (("diet", "frozen", "option", "beef"), (1, 2)),
        (("frozen", "entree"), (0, 1)),
        (("breakfast", "option"), None),
    ],
)
def test_the_words_that_name_a_ready_made_meal(words: tuple[str, ...], named: tuple[int, ...] | None) -> None:
    assert ready_meal_words(words) == named


def test_what_a_frozen_meal_is_served_with_is_inside_it() -> None:
    meal = parse_meal("a frozen dinner of turkey in gravy, served with mashed potatoes and green beans")
    (item,) = meal.items
    assert item.words == ("frozen", "dinner")
    assert {"turkey", "gravy", "mashed", "potatoes", "green", "beans"} <= set(item.modifiers)
    assert not meal.unparsed


def test_a_weighed_diet_meal_keeps_its_weight_and_its_noodles() -> None:
    (item,) = parse_meal("a 9 oz frozen lean meal with beef and broccoli with noodles").items
    assert item.words == ("frozen", "lean", "meal") and item.amount == 9 and item.unit == "oz"
    assert {"beef", "broccoli", "noodles"} <= set(item.modifiers) and not item.sides


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("a frozen meal and chips", ["frozen meal", "chips"]),  # "and" lists another food
        ("a tv dinner with rice and a cola", ["tv dinner", "cola"]),  # an article starts a new food
        ("a microwave meal with 200 g salad", ["microwave meal", "salad"]),  # an amount of its own
        ("a frozen dinner, 2 apples", ["frozen dinner", "apples"]),
    ],
)
def test_a_food_with_its_own_amount_or_listed_by_and_stays_a_food(text: str, names: list[str]) -> None:
    assert [i.name for i in parse_meal(text).items] == names


@pytest.mark.parametrize(
    "text",
    [
        "a frozen breakfast of waffles and turkey bacon",
        "a healthy frozen entrée of chicken with rice",
        "a light frozen option of pork with green beans",
        "a frozen lunch featuring beef and broccoli",
    ],
)
def test_a_frozen_breakfast_entree_or_option_is_a_ready_made_meal(text: str) -> None:
    (item,) = parse_meal(text).items
    assert ready_meal_words(item.words) is not None, item.words
    assert len(item.modifiers) >= 2  # what it is made of describes it


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("3 frozen dinner rolls", "rolls"),
        ("a frozen breakfast burrito", "burrito"),
        ("a frozen breakfast sandwich", "sandwich"),
        ("a packaged lunch meat sandwich", "sandwich"),
    ],
)
def test_a_meal_word_before_a_food_names_that_food(text: str, food: str) -> None:
    (item,) = parse_meal(text).items
    assert ready_meal_words(item.words) is None and item.words[-1] == food, item.words
