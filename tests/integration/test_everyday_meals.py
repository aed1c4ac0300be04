"""Everyday chat messages and the energy a sensible answer must land in (built-in foods, offline).

The ranges were written from USDA reference portions (SR28 household measures and the FDA reference amounts
customarily consumed), never from the evaluation data: e.g. a large egg 50 g / 72-90 kcal, a slice of
bread 28-32 g / 70-80 kcal, a Big Mac 219 g / 563 kcal, medium fries 117 g / 365 kcal, a cup of cooked
rice 158 g / 205 kcal, 8 fl oz of whole milk 149 kcal. Each range is the reference value with room for
the honest spread of an unweighed description (about -35 % / +45 %).
"""

from __future__ import annotations

import pytest

from core.services.estimate_meal import CatalogMealEstimator

# (message, language, low kcal, high kcal)
MEALS: list[tuple[str, str, float, float]] = [
    ("2 eggs and a slice of toast", "en", 170, 360),
    ("big mac and medium fries", "en", 720, 1080),
    ("a bowl of oatmeal with milk", "en", 150, 400),
    ("a banana", "en", 80, 140),
    ("an apple", "en", 70, 130),
    ("a cup of coffee with milk", "en", 5, 90),
    ("a glass of orange juice", "en", 80, 170),
    ("a can of coke", "en", 110, 170),
    ("a slice of pizza", "en", 200, 380),
    ("a pizza", "en", 250, 600),
    ("2 slices of whole wheat bread with peanut butter", "en", 220, 450),
    ("a cheeseburger", "en", 250, 600),
    ("a bowl of rice", "en", 180, 450),
    ("a cup of greek yogurt", "en", 100, 300),
    ("a croissant", "en", 170, 330),
    ("a bagel with cream cheese", "en", 250, 500),
    ("a handful of almonds", "en", 100, 230),
    ("a glass of milk", "en", 80, 200),
    ("a cup of black coffee", "en", 0, 20),
    ("a grilled chicken breast", "en", 180, 400),
    ("a bowl of spaghetti bolognese", "en", 300, 800),
    ("two scrambled eggs", "en", 130, 260),
    ("a tuna sandwich", "en", 220, 550),
    ("a blueberry muffin", "en", 250, 500),
    ("a small bag of chips", "en", 100, 220),
    ("a chocolate bar", "en", 150, 320),
    ("a bowl of cereal with milk", "en", 120, 320),
    ("a beer", "en", 100, 220),
    ("a glass of red wine", "en", 90, 170),
    ("a medium latte", "en", 120, 280),
    ("a burrito", "en", 300, 900),
    ("grilled salmon with rice", "en", 250, 650),
    ("grilled chicken breast with rice and broccoli", "en", 380, 750),
    ("for breakfast: 2 eggs and bacon", "en", 180, 400),
    ("a hot dog", "en", 200, 400),
    ("an orange", "en", 45, 100),
    ("a cup of tomato soup", "en", 60, 220),
    ("a scoop of vanilla ice cream", "en", 90, 200),
    ("a slice of chocolate cake", "en", 230, 500),
    ("a glazed donut", "en", 170, 330),
    ("a tablespoon of olive oil", "en", 100, 140),
    ("a pouch of fruit snacks", "en", 60, 130),
    ("a jar of strained baby food", "en", 40, 130),
    ("a bag of chips", "en", 100, 260),
    ("a pepper", "en", 20, 60),  # a bell pepper, 119 g: a counted pepper is not a pinch of black pepper
    ("2 peppers", "en", 40, 110),
    ("steak with salt and pepper", "en", 300, 750),  # the seasoning stays a seasoning
    ("a tuna melt", "en", 305, 680),  # bread 56 g + tuna salad 85 g + cheddar 28 g + butter 7 g: 471 kcal (SR28)
    ("un croque au thon", "fr", 305, 680),
    ("soup and sandwich", "en", 290, 680),  # a cup of vegetable soup ~100-150 kcal + a ham sandwich ~300-350 kcal
    ("toast and scrambled eggs", "en", 170, 380),  # a slice of toast 70-80 kcal + 2 scrambled eggs ~180-200 kcal
    ("a bacon egg and cheese biscuit", "en", 280, 630),  # SR28 21007: 1 biscuit 144 g, 435 kcal
    ("a slice of banana bread", "en", 125, 285),  # SR28 18019: 326 kcal/100 g, a 60 g slice 196 kcal
    ("carrot sticks and hummus", "en", 35, 160),  # a medium carrot 25 kcal + 2 tbsp hummus 50 kcal
    ("a coke with ice", "en", 110, 170),  # the ice is water, not a choc ice
    ("un thé", "fr", 0, 10),  # folded, "thé" was the English article "the": no item at all
    ("un thé avec du sucre", "fr", 10, 60),
    ("a curry with naan", "en", 560, 1000),  # a chicken curry 300 g ~426 kcal + a naan 90 g ~270 kcal (was 30 g)
    ("hummus with pita", "en", 140, 320),  # 2 tbsp hummus ~50 kcal + a pita 60 g ~165 kcal (was 30 g)
    ("a splash of milk", "en", 4, 40),  # about a tablespoon (15 ml, 9 kcal of whole milk), not a 250 ml glass
    ("a dollop of sour cream", "en", 10, 70),  # about a tablespoon (12 g, 24 kcal)
    ("a drizzle of olive oil", "en", 20, 130),  # about a teaspoon (4.5 g, 40 kcal)
    ("un croissant et un café", "fr", 170, 340),
    ("deux œufs et une tranche de pain", "fr", 170, 360),
    ("une pomme", "fr", 60, 130),
    ("un verre de lait", "fr", 80, 200),
    ("une assiette de pâtes à la bolognaise", "fr", 300, 800),
    ("un yaourt nature", "fr", 50, 150),
    ("une part de pizza", "fr", 180, 400),
    ("une banane", "fr", 70, 140),
]


def test_the_set_is_large_and_bilingual() -> None:
    assert len(MEALS) >= 40 and len({m for m, *_ in MEALS}) == len(MEALS)
    assert sum(lang == "fr" for _, lang, *_ in MEALS) >= 5


@pytest.mark.parametrize(("text", "language", "low", "high"), MEALS)
async def test_everyday_message_lands_in_its_range(
    estimator: CatalogMealEstimator, text: str, language: str, low: float, high: float
) -> None:
    est = await estimator.from_text(text, language)
    assert est.items, est
    got = [(i.name, i.grams, i.kcal) for i in est.items]
    assert low <= est.total_kcal <= high, (text, est.total_kcal, got)


@pytest.mark.parametrize(
    ("text", "language", "food_id"),
    [
        ("a tuna melt", "en", "builtin:tuna-melt"),  # was a grilled cheese sandwich: no tuna in the item shown
        ("un croque au thon", "fr", "builtin:tuna-melt"),
        ("a slice of banana bread", "en", "builtin:banana-bread"),  # was a pound cake
        ("carrot sticks", "en", "builtin:carrot"),  # was pretzels ("sticks"), the carrot not understood
        ("carrot batons", "en", "builtin:carrot"),  # was fig rolls
        ("apple slices", "en", "builtin:apple"),  # was an apple strudel
        ("cucumber slices", "en", "builtin:cucumber"),  # was salami
        ("ice cubes", "en", "builtin:water-still"),  # was a stock cube, the ice not understood
        ("a spicy tuna roll", "en", "builtin:maki-roll"),  # was a dinner roll (84 kcal)
        ("du fromage", "fr", "builtin:cheddar"),  # as "cheese" in English; was fromage blanc (100 g, 75 kcal)
        ("un thé glacé", "fr", "builtin:iced-tea-sweetened"),  # "thé" folded to "the", a filler: was vanilla ice cream
        ("un biscuit", "fr", "builtin:petit-beurre-biscuits"),  # a petit beurre, as before "thé" became "tea"
        ("a steak well done", "en", "builtin:sirloin_steak"),  # was nothing: "steak done" named no food
        ("a roti", "en", "builtin:chapati-flatbread"),  # "roti" folded as the French "rôti" (roast): no item
        ("garlic naan", "en", "builtin:naan-bread"),
        ("a salad", "en", "builtin:green-salad-dressed"),  # was 30 g of plain mixed greens (6 kcal)
        ("une salade", "fr", "builtin:green-salad-dressed"),
        ("mixed greens", "en", "builtin:mixed_greens"),  # the greens themselves stay the greens
        ("un steak bien cuit", "fr", "builtin:sirloin_steak"),  # was ground beef ("steak haché cuit")
    ],
)
async def test_the_dish_named_is_the_dish_shown(
    estimator: CatalogMealEstimator, text: str, language: str, food_id: str
) -> None:
    [item] = (await estimator.from_text(text, language)).items
    assert item.food_id == food_id


@pytest.mark.parametrize(
    ("text", "language"),
    [("a rare steak", "en"), ("a medium-rare steak", "en"), ("un steak saignant", "fr"), ("un steak à point", "fr")],
)
async def test_how_a_steak_is_done_is_understood(estimator: CatalogMealEstimator, text: str, language: str) -> None:
    """Before: "Not understood: rare" (or "saignant", "point") beside the steak."""
    est = await estimator.from_text(text, language)
    assert len(est.items) == 1 and not est.unparsed
