"""Fillings listed before a dish name that dish (core/food/dishes.py); sentences written for the tests."""

from __future__ import annotations

import pytest

from core.food.items import ParsedItem
from core.food.matching import rank
from core.food.parse import parse_meal
from core.model.food import Food


@pytest.mark.parametrize(
    ("text", "fillings"),
    [
        ("a turkey and swiss submarine sandwich", {"turkey"}),  # the article is the sandwich's, not the turkey's
        ("an egg, ham, and cheese sandwich on a bagel", {"egg", "ham"}),  # "a bagel" is the sandwich's bread
        ("a tuna and tomato wrap", {"tuna"}),
    ],
)
def test_fillings_before_a_dish_are_one_dish(text: str, fillings: set[str]) -> None:
    meal = parse_meal(text)
    (dish,) = meal.items
    assert fillings <= set(dish.fillings) and fillings <= set(dish.modifiers)
    assert not meal.unparsed


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("a coffee and ham sandwich", 2),  # a drink is never a filling
        ("an apple and a tuna sandwich", 2),  # an article of its own: another food
        ("2 eggs and cheese sandwich", 2),  # a number of its own
    ],
)
def test_a_drink_or_a_food_with_its_own_amount_stays_apart(text: str, n: int) -> None:
    assert len(parse_meal(text).items) == n


def _food(food_id: str, name: str, *aliases: str) -> Food:
    return Food(id=food_id, name=name, kcal_100g=230, protein_100g=12, carbs_100g=25, fat_100g=9, aliases=aliases)


def test_a_filling_says_which_dish_as_much_as_the_name() -> None:
    steak_sub = _food("steak", "steak sandwich", "steak sub sandwich")
    cold_cut = _food("cold", "cold cut sub", "sub sandwich")
    (item,) = parse_meal("a steak and cheese sub sandwich").items
    assert rank(item, [(steak_sub, 0.5), (cold_cut, 0.5)])[0].food.id == "steak"
    said_after = ParsedItem(text="cheese sub sandwich", words=("cheese", "sub", "sandwich"), modifiers=("steak",))
    before, after = rank(item, [(steak_sub, 0.5)])[0].score, rank(said_after, [(steak_sub, 0.5)])[0].score
    assert before > after  # "with steak" after the dish may be a side; before it, it names the dish


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("a bagel sandwich with layers of ham, tomato, and cheese", {"ham", "tomato", "cheese"}),
        ("a dumpling with a chicken and cabbage filling", {"chicken", "cabbage"}),
        ("a crepe with a filling of banana", {"banana"}),
        ("a flatbread with toppings of lamb and onion", {"lamb", "onion"}),
    ],
)
def test_a_layer_filling_or_topping_phrase_describes_the_dish(text: str, inside: set[str]) -> None:
    meal = parse_meal(text)
    (dish,) = meal.items  # one food: what it holds is its description, not foods beside it
    assert inside <= set(dish.modifiers) and not meal.unparsed


def test_a_filling_phrase_ends_where_the_next_food_starts() -> None:
    items = parse_meal("a pasty with a beef and potato filling, and a glass of milk").items
    assert [i.words[-1] for i in items] == ["pasty", "milk"]


def test_a_dish_described_after_a_comma_keeps_its_fillings() -> None:
    meal = parse_meal("a turkey and swiss sub, loaded with lettuce and tomato")
    (sub,) = meal.items  # the comma re-opened the sub, which was still joined to "a turkey"
    assert "turkey" in sub.fillings and {"lettuce", "tomato"} <= set(sub.modifiers)


def test_a_size_before_the_first_filling_is_the_dish_size() -> None:
    (sub,) = parse_meal("a footlong ham and cheese sub").items
    assert sub.size == "xlarge" and "ham" in sub.fillings
