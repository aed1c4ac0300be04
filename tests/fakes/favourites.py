"""In-memory recents and favourites: past meals read from a :class:`MemoryStore`, favourites in a dict."""

from __future__ import annotations

from core.errors import InvalidValue
from core.model import Meal, MealId, UserId
from core.model.favourite import Favourite
from core.services.favourites import NAME_TAKEN, name_key
from tests.fakes.memory import MemoryStore


class MemoryMealHistory:
    """MealHistory over the meals of a MemoryStore (ids grow as meals are saved)."""

    def __init__(self, store: MemoryStore) -> None:
        self.store = store

    async def recent_meals(self, user_id: UserId, limit: int) -> list[Meal]:
        mine = [m for m in self.store.meals.values() if m.user_id == user_id]
        return sorted(mine, key=lambda m: -(m.id or 0))[:limit]

    async def meal(self, user_id: UserId, meal_id: MealId) -> Meal | None:
        meal = self.store.meals.get(meal_id)
        return meal if meal is not None and meal.user_id == user_id else None


class MemoryFavourites:
    """FavouriteStore in a dict; a name taken twice for one user is refused like the unique index does."""

    def __init__(self) -> None:
        self.rows: dict[int, Favourite] = {}
        self.next_id = 1

    def _taken(self, user_id: UserId, name: str, other_than: int | None = None) -> bool:
        return any(
            f.user_id == user_id and name_key(f.name) == name_key(name) and f.id != other_than
            for f in self.rows.values()
        )

    async def favourites(self, user_id: UserId) -> list[Favourite]:
        return sorted((f for f in self.rows.values() if f.user_id == user_id), key=lambda f: name_key(f.name))

    async def add(self, favourite: Favourite) -> Favourite:
        if self._taken(favourite.user_id, favourite.name):
            raise InvalidValue("name", NAME_TAKEN, name=favourite.name)
        saved = Favourite(self.next_id, favourite.user_id, favourite.name, favourite.items, favourite.description)
        self.rows[self.next_id] = saved
        self.next_id += 1
        return saved

    async def rename(self, user_id: UserId, favourite_id: int, name: str) -> None:
        found = self.rows.get(favourite_id)
        if found is None or found.user_id != user_id:
            return
        if self._taken(user_id, name, favourite_id):
            raise InvalidValue("name", NAME_TAKEN, name=name)
        self.rows[favourite_id] = Favourite(found.id, user_id, name, found.items, found.description)

    async def delete(self, user_id: UserId, favourite_id: int) -> bool:
        found = self.rows.get(favourite_id)
        if found is None or found.user_id != user_id:
            return False
        del self.rows[favourite_id]
        return True
