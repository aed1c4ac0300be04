"""Ports of recents and favourites: the user's past meals to repeat, and their named favourites."""

from __future__ import annotations

from typing import Protocol

from core.model import Meal, MealId, UserId
from core.model.favourite import Favourite


class MealHistory(Protocol):
    """Reads a user's saved meals to repeat them (never another user's)."""

    async def recent_meals(self, user_id: UserId, limit: int) -> list[Meal]:
        """The user's last ``limit`` saved meals, newest first."""
        ...

    async def meal(self, user_id: UserId, meal_id: MealId) -> Meal | None:
        """The user's meal ``meal_id``, or None when it is gone or belongs to someone else."""
        ...


class FavouriteStore(Protocol):
    """A user's named favourites; names are unique per user regardless of case."""

    async def favourites(self, user_id: UserId) -> list[Favourite]:
        """All of the user's favourites, by name."""
        ...

    async def add(self, favourite: Favourite) -> Favourite:
        """Store a new favourite; returns it with its id."""
        ...

    async def rename(self, user_id: UserId, favourite_id: int, name: str) -> None:
        """Give the user's favourite a new name."""
        ...

    async def delete(self, user_id: UserId, favourite_id: int) -> bool:
        """Delete the user's favourite; False when there was none."""
        ...
