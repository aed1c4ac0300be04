"""Moving a meal between open days: both days must be open; it keeps its items, type and clock time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.errors import InvalidValue
from core.model import ItemSource, Meal, MealId, MealItem, MealType, Profile, UserId
from core.rules.game_rules import GameRules
from core.services.log_meal import LogMeal, log_meal
from core.services.move_meal import move_meal
from tests.fakes.memory import FixedClock, MemoryStore, MemoryUnitOfWork

RULES = GameRules()  # days close at 03:00 the next local morning
SOUP = MealItem("soup", 0, 200, 0, 0, 0, ItemSource.MANUAL, 200, 200)
JUNE_1, JUNE_2 = date(2026, 6, 1), date(2026, 6, 2)


def _id(meal: Meal) -> MealId:
    assert meal.id is not None
    return meal.id


async def _user(store: MemoryStore) -> UserId:
    async with MemoryUnitOfWork(store) as uow:
        user = await uow.users.create("console", "ana", "ana", Profile(timezone="Europe/Paris"))
        await uow.commit()
    return user.id


async def test_a_meal_moves_to_yesterday_and_back_while_both_are_open() -> None:
    store, clock = MemoryStore(), FixedClock(datetime(2026, 6, 2, 0, 30, tzinfo=UTC))  # 02:30 in Paris
    uid = await _user(store)
    logged = await log_meal(MemoryUnitOfWork(store), clock, LogMeal(uid, (SOUP,), "soup", meal_type=MealType.SNACK))
    assert logged.meal.local_day == JUNE_2
    moved = await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, _id(logged.meal), JUNE_1)
    after = moved.after
    assert after.local_day == JUNE_1 and after.items == (SOUP,) and after.meal_type is MealType.SNACK
    assert after.eaten_at == datetime(2026, 6, 1, 0, 30, tzinfo=UTC)  # 02:30 in Paris, the day before
    assert [(m.local_day, m.kcal) for m in store.meals.values()] == [(JUNE_1, 200)]
    back = await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, _id(after), JUNE_2)
    assert back.after.local_day == JUNE_2 and back.after.eaten_at == logged.meal.eaten_at


async def test_a_late_meal_moved_to_today_is_never_in_the_future() -> None:
    store, clock = MemoryStore(), FixedClock(datetime(2026, 6, 1, 19, 0, tzinfo=UTC))  # 21:00 in Paris
    uid = await _user(store)
    dinner = (await log_meal(MemoryUnitOfWork(store), clock, LogMeal(uid, (SOUP,)))).meal
    clock.current = datetime(2026, 6, 1, 23, 0, tzinfo=UTC)  # 01:00 on June 2 in Paris: June 1 still open
    moved = await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, _id(dinner), JUNE_2)
    assert moved.after.local_day == JUNE_2 and moved.after.eaten_at == clock.current


async def test_closed_days_same_days_and_vanished_meals_are_refused_and_nothing_changes() -> None:
    store, clock = MemoryStore(), FixedClock(datetime(2026, 6, 2, 0, 30, tzinfo=UTC))
    uid = await _user(store)
    today = (await log_meal(MemoryUnitOfWork(store), clock, LogMeal(uid, (SOUP,)))).meal
    with pytest.raises(InvalidValue, match="already on 2026-06-02"):
        await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, _id(today), JUNE_2)
    with pytest.raises(InvalidValue, match="2026-05-31 is closed"):
        await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, _id(today), date(2026, 5, 31))
    with pytest.raises(InvalidValue, match="closed"):  # nor into the future
        await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, _id(today), date(2026, 6, 3))
    yesterday = await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, _id(today), JUNE_1)
    clock.current = datetime(2026, 6, 2, 1, 0, tzinfo=UTC)  # 03:00 in Paris: June 1 is closed and final
    with pytest.raises(InvalidValue, match="no longer there"):
        await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, _id(yesterday.after), JUNE_2)
    with pytest.raises(InvalidValue, match="no longer there"):
        await move_meal(MemoryUnitOfWork(store), clock, RULES, uid, MealId(999), JUNE_2)
    assert [(m.local_day, m.kcal) for m in store.meals.values()] == [(JUNE_1, 200)]
