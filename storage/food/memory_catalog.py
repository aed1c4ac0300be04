"""The food catalogue held in memory: the built-in foods (with their French names) searched with the word index.

The command-line estimator and tests use it; the bot searches :class:`storage.food.catalog.SqlFoodCatalog`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.food.index import IndexBuilder
from core.food.normalize import fold
from core.food.search_cache import SearchCache
from core.model.food import Food, FoodMatch
from storage.builtin_foods import load_builtin_rows


class MemoryFoodCatalog:
    """A :class:`core.ports.FoodCatalog` over foods held in memory, searched with the word index."""

    def __init__(self, foods: Sequence[Food]) -> None:
        self._foods = list(foods)
        self._by_id = {f.id: f for f in self._foods}
        builder = IndexBuilder()
        for ref, food in enumerate(self._foods):
            for name in dict.fromkeys((food.name, *food.aliases)):
                builder.add(ref, fold(name), fold(food.brand or ""), food.generic)
        self._searches = SearchCache(builder.build())

    async def search(self, query: str, limit: int = 10) -> Sequence[FoodMatch]:
        """Foods whose names fit the query, best first."""
        return [FoodMatch(self._foods[hit.ref], hit.score) for hit in self._searches.search(query, limit)]

    async def by_barcode(self, code: str) -> Food | None:
        """The food with that barcode, if any."""
        return next((f for f in self._foods if f.barcode == code), None)

    async def get(self, food_id: str) -> Food | None:
        """The food with that id, if any."""
        return self._by_id.get(food_id)


def builtin_foods_with_french_names() -> list[Food]:
    """The built-in foods, their French names added as aliases."""
    return [
        replace(row.food, aliases=(*row.food.aliases, row.name_fr)) if row.name_fr else row.food
        for row in load_builtin_rows()
    ]
