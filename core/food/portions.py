"""How many grams a parsed item weighs, and how sure that figure is.

Stated mass or volume first, then the food's own household portions ("1 slice", "2 eggs" = 46 g each),
then typical sizes of household units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.food.items import ParsedItem
from core.food.text import fold, stem
from core.food.units import HOUSEHOLD_G, MASS_G, PORTION_NAMES, SIZE_FACTOR, SIZE_WORDS, SIZED_NAMES, VOLUME_ML
from core.food.vocabulary import DRINK_WORDS
from core.model.food import Food, Portion

MAX_GRAMS = 3000.0
TOPPING_G = 30.0
# A bare food after "with" a plain protein whose usual portion is above this is a side ("chicken with rice").
SIDE_G = 75.0
PLAIN_PROTEIN_G = 12.0
# Drink-sized units (a 330 ml can) hold less of an energy-dense solid: USDA small cans and jars of food.
DRINK_KCAL_100G = 150.0
SOLID_G = {"can": 140.0, "bottle": 250.0, "glass": 150.0, "jar": 170.0}
PLAIN_CARBS_G = 3.0
SOLID_KCAL_100G = 100.0  # listed after a drink, a food this energy-dense is eaten, not poured in
_HOUSEHOLD_VOLUMES = frozenset({"cup", "tbsp", "tsp", "pint", "quart", "glass"})
_SIZED_VOLUMES = frozenset({"cup", "glass"})  # a size changes a cup or a glass, never a pint or a spoon
_LEADING = re.compile(r"^\s*(\d+(?:[.,]\d+)?|\d+/\d+)?\s*")
_PAREN = re.compile(r"\(.*?\)")
# Relative half-width of the kcal range for each way of knowing the amount.
SPREAD_WEIGHED = 0.08
SPREAD_VOLUME = 0.15
SPREAD_PORTION = 0.25
SPREAD_GUESS = 0.4


@dataclass(frozen=True, slots=True)
class Amount:
    """Grams eaten and the relative uncertainty of that figure."""

    grams: float
    spread: float
    how: str


def _count(name: str) -> float:
    lead = _LEADING.match(name)
    text = lead.group(1) if lead else None
    if not text:
        return 1.0
    if "/" in text:
        top, bottom = text.split("/")
        return int(top) / int(bottom) if int(bottom) and int(top) else 1.0
    return float(text.replace(",", ".")) or 1.0


def _words(portion: Portion) -> str:
    name = _PAREN.sub(" ", fold(portion.name.lower()))
    return " ".join(_LEADING.sub("", name, count=1).replace(",", " ").split())


def per_one(portion: Portion) -> float:
    """Grams of one of a portion: ``2 eggs`` of 92 g gives 46."""
    return portion.grams / _count(fold(portion.name.lower()))


def find_portion(food: Food, wanted: tuple[str, ...], loose: bool = True) -> float | None:
    """Grams of one portion named like one of ``wanted`` (exact name first, then, when loose, a word of the name)."""
    named = [(p, _words(p)) for p in food.portions if p.grams > 0]
    for want in wanted:
        for portion, words in named:
            if words == want or stem(words) == stem(want):
                return per_one(portion)
    for want in wanted if loose else ():
        for portion, words in named:
            if re.search(rf"\b{re.escape(want)}s?\b", words) and not _WHOLE.intersection(words.split()):
                return per_one(portion)
    return None


def sized_portion(food: Food, unit: str, size: str) -> float | None:
    """Grams of one of the food's own portion of that unit at that size ("1 small bag", SR28 "bar snack size").

    The food's portions are looked at in order, so its own ones win over SR28's and the category defaults.
    """
    names = PORTION_NAMES.get(unit, (unit,))
    wanted = {f"{s} {n}" for s in SIZED_NAMES.get(size, ()) for n in names}
    wanted |= {f"{n} {s}" for s in SIZED_NAMES.get(size, ()) for n in names}
    for portion in food.portions:
        if portion.grams > 0 and _words(portion) in wanted:
            return per_one(portion)
    return None


_WHOLE_WORDS = frozenset({"whole", "entire", "entière", "entier"})
_CUPS = frozenset({"cup", "cups"})
# Portion words that name more than one serving: "1 whole pizza" is not what "a pizza" means.
_WHOLE = frozenset({"whole", "family", "sharing", "entire", "pie", "loaf", "tub", "jar", "pack", "box", "bag"})


def _density(food: Food) -> float:
    """Grams per millilitre, roughly: oils are light, dry energy-dense foods are airy, the rest ~ water."""
    if food.fat_100g > 85:
        return 0.92
    if food.kcal_100g > 450 and food.carbs_100g > 40:
        return 0.25  # chips, crackers, puffed snacks
    if food.kcal_100g > 330:
        return 0.55
    return 1.0


def plural_serving(item: ParsedItem) -> bool:
    """A food named in the plural with no count ("chicken nuggets", "some crackers", "a tacos"): its usual serving."""
    if item.amount_stated or item.unit is not None or not item.words:
        return False
    head = fold(item.words[-1])
    return len(head) > 3 and head.endswith("s") and not head.endswith("ss") and stem(head) != head


def default_grams(food: Food) -> float:
    """Grams of one of the food's default portion ("a pizza" is its usual serving, not a whole pie)."""
    return next((per_one(p) for p in food.portions if abs(p.grams - food.default_grams) < 0.01), food.default_grams)


def _one(item: ParsedItem, food: Food) -> tuple[float, float]:
    """Grams of one of the item's food at its size, and the spread ("half a pizza" is half of the whole pie)."""
    heads = tuple(dict.fromkeys(fold(w) for w in (*item.words[-1:], *food.name.split(",")[0].split()[-1:])))
    if heads[0] in _CUPS and not _CUPS.intersection(fold(w) for w in food.name.lower().split()):
        heads = ("container", *heads[1:])  # "an ice cream cup" is a container of ice cream, not a measuring cup
    if item.amount < 1 or any(fold(w) in _WHOLE_WORDS for w in (*item.words, *item.modifiers)):
        grams = find_portion(food, tuple(f"whole {h}" for h in heads), loose=False)
        if grams:
            return grams, SPREAD_PORTION
    if item.size:
        sized = tuple(f"{s} {h}" for s in PORTION_NAMES[item.size] for h in heads)
        grams = find_portion(food, sized, loose=False) or find_portion(food, PORTION_NAMES[item.size])
        if grams:
            return grams, SPREAD_PORTION
    factor = SIZE_FACTOR[item.size] if item.size else 1.0
    if plural_serving(item):  # "chicken nuggets", "wings": a serving, not one piece; "small nuggets" a small one
        return _several(item, food) * factor, SPREAD_GUESS - 0.05
    grams = find_portion(food, heads, loose=False) or find_portion(food, ("piece", "unit", "item"))
    if grams:
        return grams * factor, SPREAD_PORTION if not item.size else SPREAD_PORTION + 0.05
    usual = default_grams(food) if item.amount_stated else food.default_grams  # "bacon" = its 2 usual slices
    return usual * factor, SPREAD_GUESS - 0.05 if food.portions else SPREAD_GUESS


def _several(item: ParsedItem, food: Food) -> float:
    """A plural with no count: the food's own portion of several ("3 pancakes"), else its usual serving."""
    head = stem(fold(item.words[-1]))
    several = [
        p.grams
        for p in food.portions
        if _count(fold(p.name.lower())) > 1 and any(stem(w) == head for w in _words(p).split())
    ]
    return max(food.default_grams, several[0]) if several else food.default_grams


def item_grams(item: ParsedItem, food: Food, main: Food | None = None) -> Amount:
    """Grams of ``food`` the item describes; ``main`` is the food a bare "with" item goes with, if any."""
    if item.size and _size_in_name(item.size, food):
        item = replace(item, size=None)  # "big mac", "petits pois": the size word is the food's name
    unit, count = item.unit, item.amount
    if count < 1 and unit is None and dish_of_parts(item, food):
        count = 1.0  # "half an avocado on toast" is one avocado toast, not half of one
    factor = SIZE_FACTOR[item.size] if item.size else 1.0
    if unit in MASS_G:
        return Amount(count * MASS_G[unit], SPREAD_WEIGHED, "weighed")
    if unit in VOLUME_ML:
        grams = find_portion(food, PORTION_NAMES.get(unit, (unit,))) if unit in _HOUSEHOLD_VOLUMES else None
        if grams and item.size and unit in _SIZED_VOLUMES:  # "a large cup of ice cream": a larger cup
            sized = sized_portion(food, unit, item.size)
            return Amount(count * (sized or grams * factor), SPREAD_PORTION, f"{item.size} {unit} portion")
        if grams:
            return Amount(count * grams, SPREAD_PORTION - 0.05, f"{unit} portion")
        return Amount(count * VOLUME_ML[unit] * _density(food), SPREAD_VOLUME, "volume")
    if unit and unit not in {"piece", "serving"}:
        grams = sized_portion(food, unit, item.size) if item.size else None
        if grams:
            return Amount(count * grams, SPREAD_PORTION, f"{item.size} {unit} portion")
        grams = find_portion(food, PORTION_NAMES.get(unit, (unit,)))
        if grams:
            return Amount(count * grams * factor, SPREAD_PORTION, f"{unit} portion")
        guess = HOUSEHOLD_G.get(unit, food.default_grams)
        if unit in SOLID_G and food.kcal_100g > DRINK_KCAL_100G:
            guess = SOLID_G[unit]  # "a can of Vienna sausages" is a small can, not 330 ml of sausages
        return Amount(count * guess * factor, SPREAD_GUESS, f"typical {unit}")
    if unit == "serving" and item.size:  # "a large serving of fries": the food's large, else a larger serving
        grams = sized_portion(food, unit, item.size) or find_portion(food, PORTION_NAMES[item.size], loose=False)
        if grams:
            return Amount(count * grams, SPREAD_PORTION, f"{item.size} serving")
        grams = find_portion(food, PORTION_NAMES["serving"])
        return Amount(count * (grams or food.default_grams) * factor, SPREAD_GUESS, f"{item.size} serving")
    if unit == "serving":
        grams = find_portion(food, PORTION_NAMES["serving"])
        return Amount(count * (grams or food.default_grams), SPREAD_PORTION if grams else SPREAD_GUESS, "serving")
    if unit == "piece":
        grams = find_portion(food, PORTION_NAMES["piece"])
        if grams:
            return Amount(count * grams * factor, SPREAD_PORTION, "piece")
    grams, spread = _one(item, food)
    if (
        item.joined
        and item.bare
        and grams > TOPPING_G
        and not _after_a_drink(item, food, main)
        and not _a_side(item, food)
    ):
        if main is not None and plain_protein(main) and grams > SIDE_G:
            return Amount(grams, SPREAD_GUESS, "side")  # "chicken breast with rice": a side, a usual serving
        if main is not None and _milk_on_cereal(food, main):
            return Amount(min(grams, CEREAL_MILK_G), SPREAD_GUESS, "milk on cereal")  # "cheerios with milk"
        if item.listed and not item.along:  # "soup and sandwich", "pasta and garlic bread": two foods, two servings
            return Amount(count * grams, SPREAD_GUESS, "listed")
        return Amount(TOPPING_G, SPREAD_GUESS, "topping")  # "a sandwich with cheese": a topping, not a serving
    return Amount(count * grams, spread, "portion" if spread < SPREAD_GUESS else "typical portion")


def _after_a_drink(item: ParsedItem, food: Food, main: Food | None) -> bool:
    """A solid food listed after a drink ("coffee and croissant", "coke and pizza"): a serving, not a topping."""
    if not item.listed or main is None or food.kcal_100g < SOLID_KCAL_100G:
        return False
    said = {fold(w) for w in item.words}
    return not said & DRINK_WORDS and bool({fold(w) for w in re.split(r"[\s,]+", main.name.lower())} & DRINK_WORDS)


# Foods eaten as a side of their own, never a topping: "a burger and fries" is a serving of fries, not 30 g; so is
# "a grilled cheese and tomato soup", and the flatbread of "a curry with naan", "hummus with pita". Rice is one only
# after "with" ("curry with rice"): "peas and brown rice" names one food (a baby food jar).
_SIDES = frozenset(
    {"fries", "frites", "tots", "wedges", "soup", "soupe", "chowder", "naan", "nan", "pita", "chapati", "roti"}
)
_SIDES_WITH = frozenset({"rice", "riz"})


def _a_side(item: ParsedItem, food: Food) -> bool:
    """Whether the food is a side dish served beside a main one (french fries, tomato soup, rice "with" a curry)."""
    said = {fold(w) for w in re.split(r"[\s,]+", food.name.lower())}
    return bool(said & _SIDES) or (not item.listed and bool(said & _SIDES_WITH))


CEREAL_MILK_G = 122.0  # half a cup: the milk USDA's survey recipes pour on a bowl of cereal
_CEREALS = frozenset({"cereal", "cereals", "granola", "muesli", "flakes", "cheerios", "rings", "crisp", "porridge"})


def _milk_on_cereal(food: Food, main: Food) -> bool:
    """Milk with a breakfast cereal ("a bowl of cheerios with 2% milk"): poured on it, more than a topping."""
    first = food.name.lower().split(",")[0].split()  # "milk, 2%", "almond milk, unsweetened"
    milk = bool(first) and (first[0] in {"milk", "lait"} or first[-1] == "milk")
    return milk and bool({fold(w) for w in re.split(r"[\s,]+", main.name.lower())} & _CEREALS)


def _size_in_name(size: str, food: Food) -> bool:
    """Whether the food's own name holds a word of that size ("big" in "big mac")."""
    words = {fold(w) for w in re.split(r"[\s,]+", food.name.lower())}
    return any(SIZE_WORDS.get(w) == size for w in words)


def no_amount(item: ParsedItem) -> bool:
    """Whether the item gives no number, unit or size ("a pizza", "coffee"): its food's usual serving is counted."""
    if item.amount_stated or item.unit is not None or item.size is not None or item.joined:
        return False
    return not any(fold(w) in _WHOLE_WORDS for w in (*item.words, *item.modifiers))  # "a whole pie" says it


def dish_of_parts(item: ParsedItem, food: Food) -> bool:
    """Whether the food is a dish named by the item's food and what it came on ("avocado" + "toast")."""
    names = {stem(fold(w)) for w in re.split(r"[\s,]+", food.name.lower()) if w}
    return bool(item.modifiers) and any(stem(fold(m)) in names for m in item.modifiers)


def plain_protein(food: Food) -> bool:
    """Meat, fish, eggs or tofu as such (not a dish): what comes "with" it is a side, not a filling."""
    return food.protein_100g >= PLAIN_PROTEIN_G and food.carbs_100g <= PLAIN_CARBS_G
