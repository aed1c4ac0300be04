"""An in-memory :class:`core.ports.FoodCatalog` for tests: word-overlap search over a few foods."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from core.model.food import Food, FoodMatch, Portion


def _words(text: str) -> set[str]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return {w.rstrip("s") for w in folded.replace(",", " ").replace("-", " ").split() if w}


class FakeFoodCatalog:
    """Finds foods sharing any word with the query, scored by the share of query words matched."""

    def __init__(self, foods: Iterable[Food]) -> None:
        self.foods = {f.id: f for f in foods}
        self.queries: list[str] = []

    async def search(self, query: str, limit: int = 10) -> Sequence[FoodMatch]:
        self.queries.append(query)
        wanted = _words(query)
        if not wanted:
            return []
        hits = []
        for food in self.foods.values():
            names = [_words(n) for n in (food.name, *food.aliases)]
            share = max(len(wanted & n) / len(wanted) for n in names)
            if share > 0:
                hits.append(FoodMatch(food, share))
        hits.sort(key=lambda m: (-m.score, m.food.name))
        return hits[:limit]

    async def by_barcode(self, code: str) -> Food | None:
        return next((f for f in self.foods.values() if f.barcode == code), None)

    async def get(self, food_id: str) -> Food | None:
        return self.foods.get(food_id)


def food(fid: str, name: str, kcal: float, p: float, c: float, f: float, default: float, *portions: tuple[str, float],
         aliases: tuple[str, ...] = ()) -> Food:  # fmt: skip
    return Food(fid, name, kcal, p, c, f, generic=True, aliases=aliases, default_grams=default,
                portions=tuple(Portion(n, g) for n, g in portions))  # fmt: skip


SAMPLE_FOODS = (
    food(
        "egg",
        "egg",
        143,
        12.6,
        0.7,
        9.5,
        50,
        ("1 small", 38),
        ("1 medium", 44),
        ("1 large", 50),
        aliases=("eggs", "oeuf", "œuf", "boiled egg"),
    ),
    food("toast", "toast", 293, 9, 54, 4, 30, ("1 slice", 30), aliases=("toasted bread", "pain grillé")),
    food("bread", "white bread", 266, 8.9, 49, 3.3, 30, ("1 slice", 30), aliases=("bread", "pain", "baguette")),
    food("coffee", "black coffee", 1, 0.1, 0, 0, 240, ("1 cup", 240), ("1 mug", 300), aliases=("coffee", "café")),
    food("cafe-au-lait", "café au lait", 40, 2, 3.5, 1.8, 250, ("1 cup", 250), aliases=("coffee with milk",)),
    food("croissant", "croissant", 406, 8.2, 45.8, 21, 60, ("1 piece", 60), ("1 small", 45), ("1 large", 80)),
    food("milk", "whole milk", 61, 3.2, 4.8, 3.3, 244, ("1 cup", 244), ("1 glass", 250), aliases=("milk", "lait")),
    food("rice", "cooked white rice", 130, 2.7, 28, 0.3, 180, ("1 cup", 158), ("1 bowl", 200), aliases=("rice", "riz")),
    food(
        "olive-oil", "olive oil", 884, 0, 0, 100, 14, ("1 tbsp", 13.5), ("1 tsp", 4.5), aliases=("huile d'olive", "oil")
    ),
    food(
        "apple",
        "apple",
        52,
        0.3,
        14,
        0.2,
        180,
        ("1 small", 150),
        ("1 medium", 180),
        ("1 large", 220),
        aliases=("pomme", "apples"),
    ),
    food("pizza", "cheese pizza", 266, 11, 33, 10, 110, ("1 slice", 110), aliases=("pizza",)),
    food(
        "beer",
        "beer",
        43,
        0.5,
        3.6,
        0,
        330,
        ("1 bottle", 330),
        ("1 can", 330),
        ("1 pint", 568),
        aliases=("bière", "lager"),
    ),
)
