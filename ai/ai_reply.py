"""Checking what an AI model answered: pydantic validation, clamping to sane ranges, catalogue reconciliation.

Nothing from the model reaches the user unchecked: amounts are limited per item, energy cannot exceed
what the stated grams could hold, macros cannot weigh more than the food, and a confident catalogue
match replaces the model's nutrition per 100 g with the catalogue's.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from pydantic import BaseModel, Field, ValidationError, field_validator

from core.model import ItemSource, MealItem
from core.ports import FoodCatalog

MAX_ITEMS = 20
MAX_GRAMS = 3000.0
MAX_ITEM_KCAL = 5000.0
MAX_KCAL_PER_GRAM = 9.0
CONFIDENT_MATCH = 0.9
_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$", re.IGNORECASE)


class AiItem(BaseModel):
    """One food as the model described it."""

    name: str = Field(min_length=1)
    grams: float
    kcal: float
    protein_g: float = 0.0
    carbs_g: float = 0.0
    fat_g: float = 0.0

    @field_validator("grams", "kcal", "protein_g", "carbs_g", "fat_g")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value


class AiReply(BaseModel):
    """The model's whole answer."""

    items: list[AiItem]
    unparsed: list[str] = Field(default_factory=list)


class BadReply(ValueError):
    """The model's answer is not JSON of the expected shape."""


def parse_reply(content: str | None) -> AiReply:
    """The validated reply; tolerates a Markdown code fence around the JSON."""
    if not content:
        raise BadReply("empty reply")
    try:
        return AiReply.model_validate_json(_FENCE.sub("", content))
    except (ValidationError, json.JSONDecodeError) as err:
        raise BadReply(str(err).splitlines()[0]) from err


@dataclass(frozen=True, slots=True)
class Checked:
    """Items made safe, and whether anything had to be limited."""

    items: tuple[MealItem, ...]
    unparsed: tuple[str, ...]
    clamped: bool


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def clamp_item(item: AiItem, spread: float) -> tuple[MealItem, bool]:
    """A :class:`MealItem` with every number inside sane limits, and whether one was changed."""
    clamped = _clamp(item.grams, 0.0, MAX_GRAMS)
    grams = round(clamped, 1)  # rounded first, so the caps below hold for the grams shown
    cap = min(MAX_ITEM_KCAL, grams * MAX_KCAL_PER_GRAM) if grams > 0 else MAX_ITEM_KCAL
    kcal = _clamp(item.kcal, 0.0, cap)
    macros = [_clamp(v, 0.0, grams if grams > 0 else MAX_GRAMS) for v in (item.protein_g, item.carbs_g, item.fat_g)]
    total = sum(macros)
    if grams > 0 and total > grams:
        macros = [v * grams / total for v in macros]
    changed = (clamped, kcal, *macros) != (item.grams, item.kcal, item.protein_g, item.carbs_g, item.fat_g)
    meal_item = MealItem(
        name=item.name.strip()[:200] or "food",
        grams=grams,
        kcal=round(kcal, 1),
        protein_g=round(macros[0], 1),
        carbs_g=round(macros[1], 1),
        fat_g=round(macros[2], 1),
        source=ItemSource.AI,
        low_kcal=round(kcal * (1 - spread), 1),
        high_kcal=round(kcal * (1 + spread), 1),
    )
    return meal_item, changed


async def reconcile(item: MealItem, catalog: FoodCatalog | None, spread: float) -> MealItem:
    """The item with catalogue nutrition when the catalogue holds a confident match for its name."""
    if catalog is None or item.grams <= 0:
        return item
    matches = await catalog.search(item.name, limit=1)
    if not matches or matches[0].score < CONFIDENT_MATCH:
        return item
    food, factor = matches[0].food, item.grams / 100.0
    kcal = round(food.kcal_100g * factor, 1)
    return MealItem(
        name=item.name,
        grams=item.grams,
        kcal=kcal,
        protein_g=round(food.protein_100g * factor, 1),
        carbs_g=round(food.carbs_100g * factor, 1),
        fat_g=round(food.fat_100g * factor, 1),
        source=ItemSource.AI,
        low_kcal=round(kcal * (1 - spread), 1),
        high_kcal=round(kcal * (1 + spread), 1),
        food_id=food.id,
    )


async def check_reply(reply: AiReply, catalog: FoodCatalog | None, spread: float) -> Checked:
    """Every item clamped and reconciled; at most :data:`MAX_ITEMS` items."""
    items, clamped = [], len(reply.items) > MAX_ITEMS
    for raw in reply.items[:MAX_ITEMS]:
        item, changed = clamp_item(raw, spread)
        clamped = clamped or changed
        items.append(await reconcile(item, catalog, spread))
    unparsed = tuple(u.strip()[:200] for u in reply.unparsed[:10] if u.strip())
    return Checked(tuple(items), unparsed, clamped)
