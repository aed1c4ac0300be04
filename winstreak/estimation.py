"""Wiring of the offline text estimator for the command line: which food catalogue it searches.

:func:`build_catalog` is the one place to switch from the in-memory built-in foods to the SQL catalogue.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

from core.food.index import IndexBuilder
from core.food.normalize import fold
from core.food.search import search
from core.model.estimate import Estimate
from core.model.food import Food, FoodMatch
from core.ports import FoodCatalog
from core.services.estimate_meal import CatalogMealEstimator
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
        self._index = builder.build()

    async def search(self, query: str, limit: int = 10) -> Sequence[FoodMatch]:
        """Foods whose names fit the query, best first."""
        return [FoodMatch(self._foods[hit.ref], hit.score) for hit in search(self._index, query, limit)]

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


def build_catalog() -> FoodCatalog:
    """The catalogue the command-line estimator searches (built-in foods, in memory)."""
    return MemoryFoodCatalog(builtin_foods_with_french_names())


@asynccontextmanager
async def catalog_scope(use_database: bool = False) -> AsyncIterator[FoodCatalog]:
    """The catalogue for a command: built-in foods in memory, or the configured database's catalogue.

    The database catalogue (``--database``) is the one the bot uses, built by :func:`winstreak.bootstrap.build_app`
    (schema upgraded, built-in foods seeded) and includes imported Open Food Facts and USDA foods.
    """
    if not use_database:
        yield build_catalog()
        return
    from winstreak.bootstrap import build_app
    from winstreak.settings import load_settings

    wired = await build_app(load_settings())
    try:
        yield wired.deps.catalog or build_catalog()
    finally:
        await wired.close()


def build_text_estimator(catalog: FoodCatalog | None = None) -> CatalogMealEstimator:
    """The offline text estimator over ``catalog`` (default: :func:`build_catalog`)."""
    return CatalogMealEstimator(catalog or build_catalog())


def estimate_to_json(estimate: Estimate) -> dict[str, Any]:
    """The JSON form of an estimate: items, total, range, what was not understood, transcript, notes."""
    return {
        "items": [
            {
                "name": i.name,
                "grams": i.grams,
                "kcal": i.kcal,
                "protein_g": i.protein_g,
                "carbs_g": i.carbs_g,
                "fat_g": i.fat_g,
                "source": str(i.source),
                "food_id": i.food_id,
                "low_kcal": i.low_kcal,
                "high_kcal": i.high_kcal,
            }
            for i in estimate.items
        ],
        "total_kcal": round(estimate.total_kcal, 1),
        "low_kcal": round(estimate.low_kcal, 1),
        "high_kcal": round(estimate.high_kcal, 1),
        "unparsed": list(estimate.unparsed),
        "transcript": estimate.transcript,
        "notes": list(estimate.notes),
    }
