"""Wiring of the offline text estimator for the command line: which food catalogue it searches.

:func:`build_catalog` is the one place to switch from the in-memory built-in foods to the SQL catalogue;
:func:`winstreak.estimate_catalog.catalog_scope` picks between the two for a command.
"""

from __future__ import annotations

from typing import Any

from core.model.estimate import Estimate
from core.ports import FoodCatalog
from core.services.estimate_meal import CatalogMealEstimator
from storage.food.memory_catalog import MemoryFoodCatalog, builtin_foods_with_french_names


def build_catalog() -> FoodCatalog:
    """The catalogue the command-line estimator searches (built-in foods, in memory)."""
    return MemoryFoodCatalog(builtin_foods_with_french_names())


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
