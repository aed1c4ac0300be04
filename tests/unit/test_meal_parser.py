from __future__ import annotations

import pytest

from core.food.items import ParsedItem
from core.food.parse import parse_meal
from core.food.quantities import read_amount
from core.food.segment import split_segments, tokenize


def items(text: str) -> list[ParsedItem]:
    return list(parse_meal(text).items)


def only(text: str) -> ParsedItem:
    found = items(text)
    assert len(found) == 1, found
    return found[0]


def test_several_items_in_english() -> None:
    found = items("2 eggs, toast and a black coffee")
    assert [i.name for i in found] == ["eggs", "toast", "black coffee"]
    assert (found[0].amount, found[0].amount_stated) == (2.0, True)
    assert found[2].amount_stated is False


def test_several_items_in_french_keeps_au_lait_together() -> None:
    found = items("un croissant et un café au lait")
    assert [i.name for i in found] == ["croissant", "café lait"]


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("150 g of rice", 150, "g"),
        ("150g rice", 150, "g"),
        ("1.5 kg potatoes", 1.5, "kg"),
        ("1,5 kg de pommes de terre", 1.5, "kg"),
        ("½ cup of milk", 0.5, "cup"),
        ("1/2 cup of milk", 0.5, "cup"),
        ("1 1/2 cups of milk", 1.5, "cup"),
        ("one and a half cups of milk", 1.5, "cup"),
        ("half a cup of milk", 0.5, "cup"),
        ("a couple of slices of bread", 2, "slice"),
        ("three tablespoons of olive oil", 3, "tbsp"),
        ("2 tsp sugar", 2, "tsp"),
        ("12 fl oz of cola", 12, "floz"),
        ("one fluid ounce of whole milk", 1, "floz"),
        ("8 oz steak", 8, "oz"),
        ("1 lb of ground beef", 1, "lb"),
        ("33 cl de bière", 33, "cl"),
        ("250 ml milk", 250, "ml"),
        ("a 2 l bottle of water", 2, "l"),
        ("deux tranches de jambon", 2, "slice"),
        ("2 cuillères à soupe d'huile d'olive", 2, "tbsp"),
        ("une cuillère à café de sucre", 1, "tsp"),
        ("un bol de soupe", 1, "bowl"),
        ("une assiette de pâtes", 1, "plate"),
        ("un verre de vin", 1, "glass"),
        ("une canette de coca", 1, "can"),
        ("une bouteille d'eau", 1, "bottle"),
        ("une poignée d'amandes", 1, "handful"),
        ("une part de gâteau", 1, "serving"),
        ("a handful of nuts", 1, "handful"),
        ("2 servings of pasta", 2, "serving"),
        ("a bowl of cereal", 1, "bowl"),
        ("a plate of spaghetti", 1, "plate"),
        ("a glass of orange juice", 1, "glass"),
        ("a can of soda", 1, "can"),
        ("3 pieces of sushi", 3, "piece"),
        ("2-3 slices of pizza", 2.5, "slice"),
    ],
)
def test_amounts_and_units(text: str, amount: float, unit: str) -> None:
    item = only(text)
    assert item.amount == pytest.approx(amount)
    assert item.unit == unit


@pytest.mark.parametrize(
    ("text", "amount"),
    [("a dozen oysters", 12), ("half a dozen eggs", 6), ("a couple of apples", 2), ("deux pommes", 2),
     ("une douzaine d'huîtres", 12), ("quelques fraises", 3), ("a few grapes", 3), ("half an avocado", 0.5),
     ("¼ melon", 0.25), ("¾ cup of rice", 0.75)],
)  # fmt: skip
def test_number_words(text: str, amount: float) -> None:
    assert only(text).amount == pytest.approx(amount)


@pytest.mark.parametrize(
    ("text", "size"),
    [("a large apple", "large"), ("a small coffee", "small"), ("a medium-sized burrito", "medium"),
     ("un grand café", "large"), ("une petite pomme", "small"), ("une pomme moyenne", "medium"),
     ("a fun-size candy bar", "mini"), ("a big bowl of soup", "large")],
)  # fmt: skip
def test_sizes(text: str, size: str) -> None:
    assert only(text).size == size


def test_filler_and_meal_words_are_dropped() -> None:
    item = only("For lunch I had some grilled chicken")
    assert item.words == ("grilled", "chicken")


def test_with_after_a_participle_describes_the_dish() -> None:
    item = only("a burrito filled with beans and cheese")
    assert item.words == ("burrito",)
    assert "beans" in item.modifiers and "cheese" in item.modifiers


def test_plain_with_starts_a_joined_item() -> None:
    first, second = items("toast with butter")
    assert (first.name, second.name, second.joined) == ("toast", "butter", True)


def test_compound_dishes_are_not_split() -> None:
    assert only("a bowl of mac and cheese").words == ("mac", "cheese")


def test_comment_clauses_are_not_food_but_are_kept() -> None:
    meal = parse_meal("a cup of almonds, savoring their rich nutty flavor")
    assert [i.name for i in meal.items] == ["almonds"]
    assert meal.unparsed == ("savoring their rich nutty flavor",)


def test_weight_given_after_a_comma_belongs_to_the_item() -> None:
    item = only("a lollipop, weighing half an ounce")
    assert (item.amount, item.unit) == (0.5, "oz")


def test_amount_after_the_name() -> None:
    item = only("olives 40.0 g")
    assert (item.name, item.amount, item.unit) == ("olives", 40.0, "g")


def test_measured_container() -> None:
    item = only("a 12 fl oz bottle of unsweetened water")
    assert (item.amount, item.unit, item.words) == (12, "floz", ("unsweetened", "water"))


def test_stated_kcal() -> None:
    assert only("pizza 800 kcal").stated_kcal == 800
    assert only("pizza 800 kcal").name == "pizza"


def test_percent_is_not_an_amount() -> None:
    item = only("a glass of 100% orange juice")
    assert (item.amount, item.unit) == (1, "glass")


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_input_gives_nothing(text: str) -> None:
    assert parse_meal(text).items == () and parse_meal(text).unparsed == ()


def test_emoji_only_is_kept_as_unparsed() -> None:
    meal = parse_meal("🍕🍔🍟")
    assert meal.items == () and meal.unparsed == ("🍕🍔🍟",)


def test_ten_thousand_characters_are_cut_not_crashed() -> None:
    meal = parse_meal("2 eggs and toast, " * 600)
    assert 0 < len(meal.items) <= 400
    assert len(tokenize("x" * 10_000)) == 1


def test_sql_metacharacters_are_plain_words() -> None:
    meal = parse_meal("'; DROP TABLE foods; -- and 2 eggs")
    names = [i.name for i in meal.items]
    assert "eggs" in names and all("'" not in n and ";" not in n for n in names)


def test_read_amount_edges() -> None:
    assert read_amount([], 0) is None
    assert read_amount(["1/0"], 0) is None
    amount = read_amount(["a", "dozen", "eggs"], 0)
    assert amount is not None and (amount.value, amount.used) == (12, 2)


def test_segments_split_on_separators_and_connectors() -> None:
    texts = [s.text for s in split_segments("rice; beans + salsa\nchips then a beer plus an apple")]
    assert texts == ["rice", "beans", "salsa", "chips", "a beer", "an apple"]


def test_component_list_after_loaded_with_stays_with_the_dish() -> None:
    item = only("a sandwich loaded with egg, cheese, and tender steak")
    assert item.words == ("sandwich",)
    assert {"egg", "cheese", "steak"} <= set(item.modifiers)


def test_measured_topping_is_an_item_of_its_own() -> None:
    found = items("a slice of toast topped with a tablespoon of peanut butter")
    assert [(i.name, i.unit) for i in found] == [("toast", "slice"), ("peanut butter", "tbsp")]


def test_places_and_carriers_describe_the_item() -> None:
    assert only("a piece of cheese pizza from a local restaurant").words == ("cheese", "pizza")
    assert only("a peanut butter sandwich on white bread").words == ("peanut", "butter", "sandwich")


def test_restated_item_is_not_counted_twice() -> None:
    assert [i.name for i in items("an apple fritter, exactly one fritter")] == ["apple fritter"]
    assert [i.name for i in items("white rice 50 g; brown rice 30 g")] == ["white rice", "brown rice"]


def test_descriptor_fragment_passes_its_amount_on() -> None:
    item = only("56g of flavorful cured, dried beef")
    assert (item.amount, item.unit, item.words[-1]) == (56, "g", "beef")


def test_with_after_a_weighed_item_describes_it() -> None:
    item = only("39g of toffee with wheat semolina")
    assert item.words == ("toffee",) and "semolina" in item.modifiers


def test_two_weighed_amounts_make_two_items() -> None:
    found = items("175g of boiled banana complemented by 257g of whole milk")
    assert [(i.words[-1], i.amount) for i in found] == [("banana", 175), ("milk", 257)]


def test_alternatives_and_without() -> None:
    assert only("a cup of chicken or turkey salad").words == ("chicken", "salad")
    assert only("steamed broccoli without any added fat").words == ("steamed", "broccoli")


def test_synonyms_and_brand_like_amount_words() -> None:
    assert only("50g of cow meat").words == ("beef",)
    assert only("a quarter pounder cheeseburger").amount == 1
    assert only("a container of half-and-half").words == ("half-and-half",)


def test_ingredient_list_before_a_dish_is_one_dish() -> None:
    (dish,) = items("an egg, cheese, and sausage sandwich")
    assert dish.words[-1] == "sandwich" and {"egg", "cheese"} <= set(dish.modifiers)
    assert [i.name for i in items("ham and cheese sandwich")] == ["cheese sandwich"]
    assert [i.name for i in items("rice, beans and chicken curry")] == ["rice", "beans", "chicken curry"]
    assert [i.name for i in items("2 eggs, toast, and a ham sandwich")] == ["eggs", "toast", "ham sandwich"]


def test_size_or_article_before_a_comma_waits_for_its_food() -> None:
    item = only("a large, soft roll")
    assert (item.size, item.words[-1]) == ("large", "roll")


def test_containers_and_comments_and_no() -> None:
    assert only("a juice box filled with 100% grape juice").words == ("juice",)
    meal = parse_meal("a can of ginger ale, savoring its sweet and spicy flavor")
    assert [i.name for i in meal.items] == ["ginger ale"] and meal.unparsed
    assert only("a cup of broccoli with no added fat").words == ("broccoli",)
    item = only("a croissant sandwich that was stuffed with sausage, egg, and cheese")
    assert item.words == ("croissant", "sandwich") and {"sausage", "egg", "cheese"} <= set(item.modifiers)
    soup = only("a cup of ham, noodle, and vegetable soup")
    assert (soup.words[-1], soup.unit) == ("soup", "cup")
