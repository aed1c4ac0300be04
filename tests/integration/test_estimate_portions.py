"""Portions that know their food, on the built-in catalogue: sizes in inches, dish words, containers, sides."""

from __future__ import annotations

import pytest

from core.food.measure import diameter_size
from core.food.parse import parse_meal
from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("a 5-7 inch diameter frozen cheese pizza", "personal"),
        ("a 6-inch submarine sandwich", "personal"),
        ("a 14 inch pizza", "large"),
        ("a 30 cm pizza", "medium"),
        ("a footlong sub", "xlarge"),
    ],
)
def test_a_length_is_a_size_not_a_count(text: str, size: str) -> None:
    (item,) = parse_meal(text).items
    assert item.size == size and item.amount == 1


def test_diameters_map_to_growing_sizes() -> None:
    order = ["personal", "small", "medium", "large", "xlarge"]
    sizes = [order.index(diameter_size(d)) for d in (6, 8, 10, 12, 14, 16, 18)]
    assert sizes == sorted(sizes) and sizes[0] == 0 and sizes[-1] == 4


def test_medium_crust_is_not_a_size() -> None:
    (item,) = parse_meal("a medium crust pepperoni pizza").items
    assert item.size is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a pizza", 250, 600),  # one usual serving, not a whole pie
        ("yesterday for dinner I had a pizza", 250, 600),
        ("a medium crust pepperoni pizza", 250, 600),
        ("a 5-7 inch diameter frozen cheese pizza", 400, 800),  # a personal pizza, about 200 g
        ("a whole pizza", 1500, 3000),
        ("2 slices of pizza", 400, 700),
    ],
)
async def test_pizza_portions(estimator: CatalogMealEstimator, text: str, low: float, high: float) -> None:
    est = await estimator.from_text(text, "en")
    assert len(est.items) == 1, est
    assert low <= est.total_kcal <= high, est


async def test_a_bag_of_chips_is_crisps_not_fries(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("a bag of chips", "en")
    (item,) = est.items
    assert "fries" not in item.name and item.grams < 60


async def test_a_counted_food_is_not_merged_into_a_dish(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("for breakfast: 2 eggs and bacon", "en")
    assert len(est.items) == 2, est
    assert 180 <= est.total_kcal <= 400


async def test_what_comes_with_a_plain_protein_is_a_side(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("grilled chicken breast with rice and broccoli", "en")
    assert len(est.items) == 3, est
    rice = next(i for i in est.items if "rice" in i.name)
    assert rice.grams >= 100  # a serving of rice, not a 30 g topping
    assert 400 <= est.total_kcal <= 700


async def test_what_comes_with_a_dish_stays_a_topping(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("an egg roll with beef", "en")
    beef = [i for i in est.items if "roll" not in i.name]
    assert beef and all(i.grams <= 30 for i in beef)


async def test_the_estimate_says_when_it_assumed_a_usual_serving(estimator: CatalogMealEstimator) -> None:
    from core.services.estimate_notes import NOTE_USUAL_SERVING

    assumed = await estimator.from_text("a pizza", "en")
    assert NOTE_USUAL_SERVING in assumed.notes
    told = await estimator.from_text("2 slices of pizza", "en")
    assert NOTE_USUAL_SERVING not in told.notes


@pytest.mark.parametrize("text", ["50 g of dried pasta", "50 g of uncooked pasta", "50 g of dry pasta"])
async def test_dried_and_uncooked_mean_the_dry_food(estimator: CatalogMealEstimator, text: str) -> None:
    est = await estimator.from_text(text, "en")
    (item,) = est.items
    assert "dry" in item.name and item.kcal > 150  # dry pasta is ~3.7 kcal/g, cooked ~1.6


async def test_a_light_snack_is_no_food(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("for a light snack I had a banana", "en")
    assert [i.name for i in est.items] == ["banana"]
    fruit = await estimator.from_text("a pouch of fruit snacks", "en")
    assert [i.name for i in fruit.items] == ["fruit snacks"]


@pytest.mark.parametrize(
    ("text", "word", "max_grams"),
    [
        ("a cheese", "cheddar", 60),  # a cheese, not a grilled cheese sandwich
        ("a turkey", "turkey", 300),  # not SR28's whole 1.4 kg breast
        ("vegetables", "vegetables", 250),
        ("a sandwich", "sandwich", 250),
        ("a pie", "pie", 200),  # a slice, not a whole pie
        ("nuts", "nuts", 60),
        ("oil", "oil", 20),
        ("60 g of cereal", "flakes", 60),  # weighed cereal is the dry cereal, not a bowl with milk
    ],
)
async def test_generic_words_name_generic_foods(
    estimator: CatalogMealEstimator, text: str, word: str, max_grams: float
) -> None:
    est = await estimator.from_text(text, "en")
    (item,) = est.items
    assert word in item.name and item.grams <= max_grams, item


async def test_a_plural_without_a_count_is_a_serving(estimator: CatalogMealEstimator) -> None:
    some = await estimator.from_text("chicken nuggets", "en")
    one = await estimator.from_text("1 chicken nugget", "en")
    assert some.items[0].grams >= 3 * one.items[0].grams


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("a sweetened iced tea", "iced tea", "unsweetened"),
        ("a candy bar", "chocolate", "bass"),
        ("a tv dinner", "frozen meal", "none"),
    ],
)
async def test_words_are_not_matched_to_their_opposites_or_other_languages(
    estimator: CatalogMealEstimator, text: str, wanted: str, unwanted: str
) -> None:
    est = await estimator.from_text(text, "en")
    (item,) = est.items
    assert wanted in item.name and unwanted not in item.name


@pytest.mark.parametrize(
    ("text", "low", "high"),  # kcal per 100 g of the food, USDA SR28
    [("100 g of goat meat", 120, 170), ("100 g of maize flour", 330, 390), ("100 g of sorghum", 300, 360)],
)
async def test_staples_named_the_survey_way(
    estimator: CatalogMealEstimator, text: str, low: float, high: float
) -> None:
    est = await estimator.from_text(text, "en")
    assert len(est.items) == 1 and low <= est.total_kcal <= high, est


async def test_a_whole_pie_and_a_bottle_of_juice(estimator: CatalogMealEstimator) -> None:
    from core.services.estimate_notes import NOTE_USUAL_SERVING

    pie = await estimator.from_text("a whole pumpkin pie", "en")
    assert pie.items[0].grams > 800 and NOTE_USUAL_SERVING not in pie.notes  # SR28: a 9-inch pie is 995 g
    juice = await estimator.from_text("a bottle of orange juice", "en")
    assert 200 <= juice.items[0].grams <= 500  # an individual bottle, not a litre


@pytest.mark.parametrize("text", ["a sweet snack: a banana", "a banana, a comforting dish"])
async def test_narration_words_alone_name_no_food(estimator: CatalogMealEstimator, text: str) -> None:
    est = await estimator.from_text(text, "en")
    assert [i.name for i in est.items] == ["banana"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("half an avocado on toast", 180, 330),  # one avocado toast (about a slice and half an avocado)
        ("half a pizza", 800, 1500),  # half of the whole pie, not half a serving
        ("half a banana", 40, 70),
    ],
)
async def test_half_of_what(estimator: CatalogMealEstimator, text: str, low: float, high: float) -> None:
    est = await estimator.from_text(text, "en")
    assert len(est.items) == 1 and low <= est.total_kcal <= high, est


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a cup of broiled steak", 120, 160),  # SR28: a cup of diced cooked meat is about 140 g, not 240 ml
        ("a cup of diced ham", 120, 160),
        ("a cup of potato chips", 20, 50),  # SR28 snacks: a cup is about 35 g
        ("a cup of milk", 230, 260),  # a liquid keeps its cup
    ],
)
async def test_a_cup_of_a_solid_weighs_what_usda_says(
    estimator: CatalogMealEstimator, text: str, low: float, high: float
) -> None:
    est = await estimator.from_text(text, "en")
    assert len(est.items) == 1, est
    assert low <= est.items[0].grams <= high, est.items[0]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a small bag of tortilla chips", 25, 45),  # the food's own small bag (40 g), not 0.7 of its 150 g bag
        ("a small bag of potato chips", 20, 30),  # its own small bag, 25 g
        ("a large bag of potato chips", 120, 160),  # its own large bag
        ("a small bag of wheat crackers", 25, 32),  # no small bag of its own: the snack-size bag (USDA 1 oz)
        ("a fun-size package of gumdrops", 15, 25),  # its own fun-size package, 20 g
        ("a fun size bag of jelly beans", 14, 22),  # a sweet's fun-size bag: 18 g (SR28 fun-size candy)
    ],
)
async def test_a_sized_container_is_that_container(
    estimator: CatalogMealEstimator, text: str, low: float, high: float
) -> None:
    est = await estimator.from_text(text, "en")
    assert len(est.items) == 1, est
    assert low <= est.items[0].grams <= high, est.items[0]


async def test_a_sized_container_is_not_shrunk_twice(estimator: CatalogMealEstimator) -> None:
    small = await estimator.from_text("a small bag of tortilla chips", "en")
    plain = await estimator.from_text("a bag of tortilla chips", "en")
    serving = await estimator.from_text("a serving of tortilla chips", "en")
    assert small.items[0].grams < plain.items[0].grams
    assert small.items[0].grams >= serving.items[0].grams  # a snack bag holds at least a 28 g serving


async def test_a_sausage_link_is_a_link(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("2 links of pork sausage", "en")
    (item,) = est.items
    assert "sausage" in item.name and 40 <= item.grams <= 70, item  # 2 links of about 25-30 g, not 2 large sausages
    small = await estimator.from_text("a breakfast-size link of pork sausage", "en")
    assert 15 <= small.items[0].grams <= 30, small.items[0]  # SR28: a link is 23-25 g


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a box of almonds", 20, 35),  # a single-serve box of nuts (USDA 1 oz), not a 170 g pot
        ("a bag of cashews", 20, 35),
        ("a stick of mozzarella", 25, 32),  # a cheese stick is 1 oz (USDA), not 15 g
        ("a stick of cheddar", 25, 32),
        ("a tube of yogurt", 55, 70),  # a yogurt tube (2.25 oz), not a 170 g pot
        ("a tube of pringles", 150, 180),  # the food's own tube
    ],
)
async def test_a_container_of_nuts_is_a_snack_pack(
    estimator: CatalogMealEstimator, text: str, low: float, high: float
) -> None:
    est = await estimator.from_text(text, "en")
    assert len(est.items) == 1, est
    assert low <= est.items[0].grams <= high, est.items[0]


async def test_a_size_changes_a_cup_and_a_serving(estimator: CatalogMealEstimator) -> None:
    cup = await estimator.from_text("a cup of vanilla ice cream", "en")
    large = await estimator.from_text("a large cup of vanilla ice cream", "en")
    small = await estimator.from_text("a small cup of vanilla ice cream", "en")
    assert small.items[0].grams < cup.items[0].grams < large.items[0].grams
    fries = await estimator.from_text("a large serving of french fries", "en")
    named = await estimator.from_text("large french fries", "en")
    assert fries.items[0].grams == named.items[0].grams  # the food's own large portion
    serving = await estimator.from_text("a serving of french fries", "en")
    assert fries.items[0].grams > serving.items[0].grams
