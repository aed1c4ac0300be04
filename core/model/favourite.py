"""A named favourite meal: a snapshot of a meal's items the user logs again with one tap."""

from __future__ import annotations

from dataclasses import dataclass

from core.model.ids import UserId
from core.model.meal import MealItem


@dataclass(frozen=True, slots=True)
class Favourite:
    """The items of a meal kept under a name the user chose (``id`` is None before it is stored)."""

    id: int | None
    user_id: UserId
    name: str
    items: tuple[MealItem, ...]
    description: str = ""

    @property
    def kcal(self) -> float:
        """Total energy of the favourite's items."""
        return sum(item.kcal for item in self.items)
