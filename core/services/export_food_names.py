"""The export's meal items with their food's names in both languages, beside the name as it was saved.

An item is saved with the name the user saw then (English or French) and its ``food_id``; the export adds
``food_name_en`` and ``food_name_fr`` (with the brand in brackets when the food has one) so a reader of the file
has both. They are empty when the item has no food (typed kcal, an AI guess), when the food is no longer in the
catalogue, and ``food_name_fr`` when the food has no French name (imported products, USDA foods). Every item row
gets both keys, so the CSV has one header for all. Each food is looked up once.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.food_names import food_label
from core.model.food import Food
from core.ports import FoodCatalog
from core.services.export_account import AccountExport, Row

ITEMS = "meal_items"


async def _foods(catalog: FoodCatalog | None, rows: list[Row]) -> dict[str, Food]:
    found: dict[str, Food] = {}
    if catalog is None:
        return found
    for food_id in dict.fromkeys(str(r["food_id"]) for r in rows if r.get("food_id")):
        food = await catalog.get(food_id)
        if food is not None:
            found[food_id] = food
    return found


def _named(row: Row, food: Food | None) -> Row:
    english = food_label(food, "en") if food is not None else None
    french = food_label(food, "fr") if food is not None and food.name_fr else None
    return {**row, "food_name_en": english, "food_name_fr": french}


async def with_food_names(catalog: FoodCatalog | None, export: AccountExport) -> AccountExport:
    """``export`` whose meal items carry ``food_name_en`` and ``food_name_fr`` (None where not known)."""
    rows = export.tables.get(ITEMS)
    if not rows:
        return export
    foods = await _foods(catalog, rows)
    named = [_named(r, foods.get(str(r.get("food_id")))) for r in rows]
    return replace(export, tables={**export.tables, ITEMS: named})
