"""An in-memory unit of work with users, meals and weights; commit copies into a shared store."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import Self

from core.model import Meal, MealId, UserAccount, UserId, WeightEntry
from core.model.day_totals import DayTotals
from core.model.profile import Profile

MACROS = ("kcal", "protein_g", "carbs_g", "fat_g")


@dataclass
class MemoryStore:
    """The "database" the fakes share."""

    users: dict[int, UserAccount] = field(default_factory=dict)
    identities: dict[tuple[str, str], int] = field(default_factory=dict)
    meals: dict[int, Meal] = field(default_factory=dict)
    weights: list[WeightEntry] = field(default_factory=list)
    next_id: int = 1
    commits: int = 0


class MemoryUsers:
    """UserRepository over a working copy."""

    def __init__(self, data: MemoryStore) -> None:
        self.data = data

    async def get(self, user_id: UserId) -> UserAccount | None:
        return self.data.users.get(user_id)

    async def by_identity(self, platform: str, external_id: str) -> UserAccount | None:
        user_id = self.data.identities.get((platform, external_id))
        return None if user_id is None else self.data.users[user_id]

    async def create(self, platform: str, external_id: str, display_name: str, profile: Profile) -> UserAccount:
        user = UserAccount(UserId(self.data.next_id), display_name, profile, datetime.now(UTC))
        self.data.next_id += 1
        self.data.users[user.id] = user
        self.data.identities[(platform, external_id)] = user.id
        return user

    async def save_profile(self, user_id: UserId, profile: Profile) -> None:
        self.data.users[user_id] = dataclasses.replace(self.data.users[user_id], profile=profile)

    async def set_active(self, user_id: UserId, active: bool) -> None:
        self.data.users[user_id] = dataclasses.replace(self.data.users[user_id], active=active)


class MemoryMeals:
    """MealRepository over a working copy."""

    def __init__(self, data: MemoryStore) -> None:
        self.data = data

    async def add(self, meal: Meal) -> Meal:
        saved = dataclasses.replace(meal, id=MealId(self.data.next_id))
        self.data.next_id += 1
        self.data.meals[saved.id or 0] = saved
        return saved

    async def saved_from(self, user_id: UserId, estimate_key: str) -> Meal | None:
        found = (m for m in self.data.meals.values() if m.user_id == user_id and m.estimate_key == estimate_key)
        return next(found, None)

    async def add_unless_saved(self, meal: Meal) -> Meal | None:
        if meal.estimate_key is not None and await self.saved_from(meal.user_id, meal.estimate_key) is not None:
            return None
        return await self.add(meal)

    async def on_day(self, user_id: UserId, day: date) -> list[Meal]:
        return [m for m in self.data.meals.values() if m.user_id == user_id and m.local_day == day]

    async def last(self, user_id: UserId) -> Meal | None:
        mine = [m for m in self.data.meals.values() if m.user_id == user_id]
        return max(mine, key=lambda m: m.id or 0) if mine else None

    async def delete(self, meal_id: MealId) -> None:
        del self.data.meals[meal_id]

    async def daily_totals(self, user_id: UserId, start_day: date, end_day: date) -> list[DayTotals]:
        days: dict[date, list[Meal]] = {}
        for meal in self.data.meals.values():
            if meal.user_id == user_id and start_day <= meal.local_day <= end_day:
                days.setdefault(meal.local_day, []).append(meal)
        totals = []
        for day, meals in sorted(days.items()):
            kcal, protein, carbs, fat = (sum(getattr(i, f) for m in meals for i in m.items) for f in MACROS)
            totals.append(DayTotals(day, kcal, protein, carbs, fat, len(meals)))
        return totals


class MemoryWeights:
    """WeightRepository over a working copy."""

    def __init__(self, data: MemoryStore) -> None:
        self.data = data

    async def add(self, entry: WeightEntry) -> None:
        self.data.weights.append(entry)

    async def history(self, user_id: UserId) -> list[WeightEntry]:
        return sorted((w for w in self.data.weights if w.user_id == user_id), key=lambda w: w.measured_at)


class MemoryUnitOfWork:
    """Works on a deep copy; ``commit`` publishes it, leaving without commit discards it."""

    def __init__(self, store: MemoryStore) -> None:
        self.store = store

    async def __aenter__(self) -> Self:
        self._work = copy.deepcopy(self.store)
        self.users = MemoryUsers(self._work)
        self.meals = MemoryMeals(self._work)
        self.weights = MemoryWeights(self._work)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        del self._work

    async def commit(self) -> None:
        self._work.commits = self.store.commits + 1
        self.store.__dict__.update(copy.deepcopy(self._work).__dict__)


class FixedClock:
    """A clock that stands still until moved."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class MemoryStates:
    """StateStore in a dict."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    async def load(self, key: str) -> str | None:
        return self.data.get(key)

    async def save(self, key: str, data: str, now: datetime) -> None:
        self.data[key] = data
