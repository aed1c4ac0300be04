"""Meal sentences as people write them: narration, restated weights, alternatives, purposes, connectors.

Each pattern was found grouping the misses of `winstreak bench estimate`; the sentences here are written for
the tests (never copied from the evaluation data).
"""

from __future__ import annotations

import asyncio

import pytest

from core.food.parse import parse_meal
from core.food.segment import split_segments
from core.model.estimate import Estimate
from core.services.estimate_meal import CatalogMealEstimator
from core.services.estimate_notes import NOTE_ALTERNATIVE, NOTE_UNPARSED
from tests.fakes.food_catalog import SAMPLE_FOODS, FakeFoodCatalog


def _names(text: str) -> list[str]:
    return [item.name for item in parse_meal(text).items]


def _estimate(text: str) -> Estimate:
    return asyncio.run(CatalogMealEstimator(FakeFoodCatalog(SAMPLE_FOODS)).from_text(text, "en"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("For my breakfast, I prepared a single scrambled egg.", "scrambled egg"),
        ("I made a scrambled egg", "scrambled egg"),
        ("We cooked 2 eggs", "eggs"),
        ("I made myself a sandwich", "sandwich"),
        ("she baked some cookies", "cookies"),
    ],
)
def test_a_verb_telling_what_the_writer_did_is_narration_not_a_description(text: str, name: str) -> None:
    meal = parse_meal(text)
    assert [i.name for i in meal.items] == [name]
    assert meal.unparsed == ()


def test_a_describing_verb_after_a_food_still_describes_it() -> None:
    (salad,) = parse_meal("a salad made with a vinaigrette").items
    assert salad.words == ("salad",) and "vinaigrette" in salad.modifiers
    (chicken,) = parse_meal("fried chicken").items
    assert chicken.words == ("fried", "chicken")


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("I had a steak, which weighed 1.9 oz", 1.9, "oz"),
        ("a steak (about 200 g)", 200.0, "g"),
        ("a diet frozen meal that weighed 8.5 ounces", 8.5, "oz"),
        ("a cola, measuring just an ounce", 1.0, "oz"),
        ("2 eggs, 100 g", 100.0, "g"),
        ("a can of cola, 355 ml", 355.0, "ml"),
        ("corn on the cob 56 g", 56.0, "g"),
        ("rice 200g, which was 7 oz", 200.0, "g"),  # the same amount twice: counted once, the first kept
    ],
)
def test_a_restated_weight_is_the_item_weight_counted_once(text: str, amount: float, unit: str) -> None:
    meal = parse_meal(text)
    [item] = meal.items
    assert (item.amount, item.unit) == (amount, unit)
    assert meal.unparsed == ()


def test_a_restated_weight_that_disagrees_is_shown_not_dropped() -> None:
    meal = parse_meal("200 g rice, which was 500 g")
    assert [(i.amount, i.unit) for i in meal.items] == [(200.0, "g")]
    assert meal.unparsed == ("which was 500 g",)


def test_an_amount_waiting_for_its_food_is_not_a_restatement() -> None:
    meal = parse_meal("a banana and 250 g of rich, creamy milk")
    assert [(i.name, i.amount) for i in meal.items] == [("banana", 1.0), ("milk", 250.0)]


def test_or_counts_the_first_choice_and_its_description_stays_with_it() -> None:
    (cookie,) = parse_meal("a medium butter or sugar cookie topped with chocolate icing").items
    assert cookie.words == ("butter", "cookie") and cookie.alternatives == ("or sugar",)
    assert "icing" in cookie.modifiers
    (taco,) = parse_meal("a small taco or tostada topped with meat").items
    assert (taco.words, taco.alternatives) == (("taco",), ("or tostada",))


def test_or_is_said_in_a_note_and_the_other_choice_is_shown() -> None:
    estimate = _estimate("coffee or tea")
    assert [i.food_id for i in estimate.items] == ["coffee"]
    assert estimate.unparsed == ("or tea",)
    assert NOTE_ALTERNATIVE in estimate.notes
    assert NOTE_ALTERNATIVE not in _estimate("coffee and tea").notes


@pytest.mark.parametrize(
    ("text", "names", "remark"),
    [
        ("a can of energy drink to keep my energy levels up", ["energy drink"], "to keep my energy levels up"),
        ("a lollipop of hard candy for a fun twist and a coffee", ["lollipop hard candy", "coffee"], "for a fun twist"),
        ("a small latte to start my day right", ["latte"], "to start my day right"),
        ("a tablespoon of molasses for an extra kick", ["molasses"], "for an extra kick"),
    ],
)
def test_a_purpose_after_a_food_is_a_remark_and_the_food_is_kept(text: str, names: list[str], remark: str) -> None:
    meal = parse_meal(text)
    assert _names(text) == names
    assert remark in meal.unparsed


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("coffee to go", ["coffee"]),
        ("popcorn, ready to eat", ["popcorn"]),
        ("2 to 3 eggs", ["eggs"]),
        ("I reached for a granola bar", ["granola bar"]),  # "for" before the food: no purpose yet
        ("30 g of cereal designed for toddlers", ["cereal designed toddlers"]),  # who it is for names the food
    ],
)
def test_to_and_for_that_are_no_purpose_stay_in_the_item(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_narrative_connectors_are_not_foods() -> None:
    text = "I had rice along with beans, accompanied by toast, paired with milk, as well as an apple"
    assert _names(text) == ["rice", "beans", "toast", "milk", "apple"]
    assert parse_meal("I washed it all down with a cola").unparsed == ()
    assert _names("toast, then a coffee, plus a banana") == ["toast", "coffee", "banana"]


def test_a_gerund_with_an_amount_names_food() -> None:
    assert _names("a coffee while enjoying a piece of pan dulce") == ["coffee", "pan dulce"]
    assert _names("a coffee while enjoying a pan dulce") == ["coffee", "pan dulce"]
    segments = split_segments("a coffee while enjoying its aroma")
    assert [s.comment for s in segments] == [False, True]
    meal = parse_meal("a fudgesicle, enjoying every bite of it")
    assert [i.name for i in meal.items] == ["fudgesicle"] and "bite" in " ".join(meal.unparsed)


def test_an_adjective_before_a_comma_waits_for_its_food() -> None:
    assert _names("I enjoyed a sweet, frosted cinnamon bun") == ["sweet frosted cinnamon bun"]


def test_a_food_folded_into_a_plain_bread_is_not_lost() -> None:
    estimate = _estimate("egg and bbbb croissant")
    assert {i.food_id for i in estimate.items} == {"croissant", "egg"}
    assert estimate.unparsed == ("bbbb",) and NOTE_UNPARSED in estimate.notes


def test_a_meal_time_between_a_dish_and_its_description_does_not_cut_them() -> None:
    meal = parse_meal("a small taco for lunch, loaded with meat and sour cream")
    [taco] = meal.items
    assert taco.words == ("taco",) and {"meat", "cream"} <= set(taco.modifiers)
    assert meal.unparsed == ()


def test_a_unit_word_as_the_shared_head_of_an_alternative_names_the_food() -> None:
    (bar,) = parse_meal("a cereal or granola bar").items
    assert (bar.words, bar.alternatives) == (("cereal", "bar"), ("or granola",))


@pytest.mark.parametrize(
    ("text", "words", "unit"), [("a yogurt tub", ("yogurt",), "tub"), ("a coffee mug", ("coffee",), "mug")]
)
def test_a_container_after_the_food_is_its_unit(text: str, words: tuple[str, ...], unit: str) -> None:
    (item,) = parse_meal(text).items
    assert (item.words, item.unit) == (words, unit)


def test_a_cup_in_a_food_name_stays_in_the_name() -> None:
    (item,) = parse_meal("a peanut butter cup").items
    assert item.words == ("peanut", "butter", "cup") and item.unit is None


def test_a_remark_holding_a_weighed_amount_names_food() -> None:
    meal = parse_meal("potatoes, all enhanced by a touch of garlic at 0.3g")
    assert [(i.name, i.amount, i.unit) for i in meal.items] == [("potatoes", 1.0, None), ("garlic", 0.3, "g")]
    (coffee,) = parse_meal("a cup of coffee, which was 1 cup (8 fl oz)").items
    assert (coffee.amount, coffee.unit) == (1.0, "cup")


def test_an_amount_waiting_for_its_food_before_a_remark_is_shown() -> None:
    meal = parse_meal("egg (about 80 g) or egg (about 80 g) or 2 bbbb egg, which was great")  # the property test's
    assert "bbbb" in " ".join(meal.unparsed)
    meal = parse_meal("a banana, 250 g of rich, which was great")
    assert "250 g of rich" in meal.unparsed


def test_a_fat_percentage_names_the_food_and_is_no_amount() -> None:
    (milk,) = parse_meal("a cup of 2% milk").items
    assert (milk.words, milk.amount, milk.unit) == (("2%", "milk"), 1.0, "cup")
    (juice,) = parse_meal("a container of 100% orange juice").items
    assert juice.words == ("100%", "orange", "juice")


def test_a_bread_it_is_served_in_is_served_on() -> None:
    (sausage,) = parse_meal("a sausage served in a hot dog bun").items
    assert sausage.served_on == ("bun",) and {"hot", "dog"} <= set(sausage.modifiers)
    (peaches,) = parse_meal("peaches in syrup").items
    assert peaches.served_on == ()


def test_a_gerund_clause_after_a_food_is_a_remark() -> None:
    meal = parse_meal("a can of sparkling water, bringing a bubbly start to my day")
    assert _names("a can of sparkling water, bringing a bubbly start to my day") == ["sparkling water"]
    assert meal.unparsed == ("bringing a bubbly start to my day",)
    assert _names("toast, pudding") == ["toast", "pudding"]


def test_specifically_refines_the_food_before_it() -> None:
    meal = parse_meal("56g of dried fish, specifically tilapia, that was boiled")
    [fish] = meal.items
    assert (fish.words, fish.amount) == (("dried", "fish", "tilapia"), 56.0)
    assert _names("a cup of cheese crackers, namely Cheez-Its") == ["cheese crackers cheez-its"]


def test_a_trailing_filler_clause_is_not_shown() -> None:
    assert parse_meal("a cup of crackers, as a quick snack").unparsed == ()


def test_beverage_is_a_class_word_not_the_food() -> None:
    assert _names("210 g of a rich coffee beverage") == ["coffee"]


def test_an_adverb_before_a_describing_verb_still_describes() -> None:
    (pizza,) = parse_meal("a piece of cheese pizza, freshly made with a medium crust").items
    assert pizza.words == ("cheese", "pizza") and "crust" in pizza.modifiers
    meal = parse_meal("a cup of omelet, and topped it off with a tablespoon of syrup")
    assert [i.name for i in meal.items] == ["omelette", "syrup"] and meal.unparsed == ()


def test_a_clause_naming_the_food_an_amount_waited_for() -> None:
    meal = parse_meal("a 10 oz meal for lunch, which was a diet frozen dinner of beef")
    [dinner] = meal.items
    assert (dinner.amount, dinner.unit) == (10.0, "oz") and dinner.words == ("frozen", "dinner")
    assert "beef" in dinner.modifiers  # what the ready-made meal is of (core/food/ready_meals.py)
    assert meal.unparsed == ()


def test_describing_words_after_a_comma_describe_the_item_before() -> None:
    meal = parse_meal("46 g of white rice, parboiled, and enriched")
    [rice] = meal.items
    assert {"parboiled", "enriched"} <= set(rice.modifiers) and meal.unparsed == ()


@pytest.mark.parametrize(
    ("text", "names", "remark"),
    [
        ("a cheeseburger known as the Whopper Jr.", ["cheeseburger"], "known as the whopper jr"),
        ("a bowl of soup called pho and a coffee", ["soup", "coffee"], "called pho"),
        ("a pastry named after a saint", ["pastry"], "named after a saint"),
    ],
)
def test_a_name_given_to_the_food_is_a_remark(text: str, names: list[str], remark: str) -> None:
    meal = parse_meal(text)
    assert [item.name for item in meal.items] == names
    assert remark in meal.unparsed  # shown as not understood, never lost


def test_known_without_as_names_nothing() -> None:
    meal = parse_meal("a well known brand of oatmeal")
    assert [item.name for item in meal.items] == ["brand oatmeal"] and meal.unparsed == ()
