"""Meals and their items, with where each number came from and how sure it is."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from core.model.ids import MealId, UserId


class ItemSource(StrEnum):
    """Where an item's nutrition values came from."""

    DATABASE = "database"
    BARCODE = "barcode"
    LABEL = "label"
    AI = "ai"
    MANUAL = "manual"


class MealType(StrEnum):
    """Which meal of the day: said by the user ("for breakfast") or taken from the local time."""

    BREAKFAST = "breakfast"
    LUNCH = "lunch"
    DINNER = "dinner"
    SNACK = "snack"


@dataclass(frozen=True, slots=True)
class MealItem:
    """One food in a meal, with its amount, energy, macros and an honest kcal range."""

    name: str
    grams: float
    kcal: float
    protein_g: float
    carbs_g: float
    fat_g: float
    source: ItemSource
    low_kcal: float
    high_kcal: float
    food_id: str | None = None
    count: float | None = None
    """How many were counted ("2 eggs"), shown with the grams; None when the amount was not a count."""

    def __post_init__(self) -> None:
        for name in ("grams", "kcal", "protein_g", "carbs_g", "fat_g", "low_kcal", "high_kcal"):
            if not math.isfinite(getattr(self, name)):
                raise ValueError(f"{name} must be a finite number")
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if not self.low_kcal <= self.kcal <= self.high_kcal:
            raise ValueError("kcal must lie within its low–high range")


@dataclass(frozen=True, slots=True)
class Meal:
    """A logged meal: items eaten at one moment, filed under the user's local day."""

    id: MealId | None
    user_id: UserId
    eaten_at: datetime
    local_day: date
    items: tuple[MealItem, ...]
    description: str = ""
    input_kind: str = "text"
    tags: tuple[str, ...] = field(default=())
    meal_type: MealType | None = None
    estimate_key: str | None = None
    """The key of the estimate it was saved from (random, given when shown): saving it again finds this meal."""

    @property
    def kcal(self) -> float:
        """Total energy of the meal."""
        return sum(item.kcal for item in self.items)

    @property
    def low_kcal(self) -> float:
        """Lower end of the meal's energy range."""
        return sum(item.low_kcal for item in self.items)

    @property
    def high_kcal(self) -> float:
        """Upper end of the meal's energy range."""
        return sum(item.high_kcal for item in self.items)
