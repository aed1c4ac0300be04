"""Turning ``foods`` rows into :class:`core.model.food.Food` values, and the columns that needs."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Select, select

from core.model.food import Food, Portion
from storage.food.tables import FoodRow

COLUMNS = (
    FoodRow.id,
    FoodRow.key,
    FoodRow.name,
    FoodRow.brand,
    FoodRow.barcode,
    FoodRow.kcal_100g,
    FoodRow.protein_100g,
    FoodRow.carbs_100g,
    FoodRow.fat_100g,
    FoodRow.generic,
    FoodRow.aliases,
    FoodRow.portions,
    FoodRow.default_grams,
    FoodRow.name_fr,
)


def select_foods() -> Select[Any]:
    """A SELECT of the columns :func:`to_food` reads (row id first)."""
    return select(*COLUMNS)


def to_food(row: Any) -> Food:
    """A food from a row of :func:`select_foods`."""
    portions = tuple(Portion(str(name), float(grams)) for name, grams in json.loads(row.portions or "[]"))
    return Food(
        id=row.key,
        name=row.name,
        kcal_100g=row.kcal_100g,
        protein_100g=row.protein_100g,
        carbs_100g=row.carbs_100g,
        fat_100g=row.fat_100g,
        brand=row.brand,
        barcode=row.barcode,
        generic=bool(row.generic),
        aliases=tuple(json.loads(row.aliases or "[]")),
        portions=portions,
        default_grams=row.default_grams,
        name_fr=row.name_fr,
    )
