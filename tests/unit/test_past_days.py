"""Past days: which days are open, the words that pick yesterday, and saving, editing or deleting on them."""

from datetime import UTC, date, datetime

import pytest

from core.errors import InvalidValue
from core.model import ItemSource, MealItem, MealType, Profile
from core.rules.game_rules import GameRules
from core.rules.meal_words import read_meal_words
from core.rules.open_days import open_days
from core.services.day_meals import delete_meal
from core.services.log_meal import LogMeal, log_meal
from tests.fakes.memory import FixedClock, MemoryStore, MemoryUnitOfWork

RULES = GameRules()  # days close at 03:00 the next local morning
SOUP = MealItem("soup", 0, 200, 0, 0, 0, ItemSource.MANUAL, 200, 200)
JUNE_1, JUNE_2 = date(2026, 6, 1), date(2026, 6, 2)


@pytest.mark.parametrize(
    ("utc", "days"),
    [
        (datetime(2026, 6, 2, 0, 30, tzinfo=UTC), [JUNE_2, JUNE_1]),  # 02:30 in Paris
        (datetime(2026, 6, 2, 0, 59, tzinfo=UTC), [JUNE_2, JUNE_1]),
        (datetime(2026, 6, 2, 1, 0, tzinfo=UTC), [JUNE_2]),  # 03:00 in Paris: June 1 closes
        (datetime(2026, 6, 2, 20, 0, tzinfo=UTC), [JUNE_2]),
    ],
)
def test_yesterday_is_open_until_its_close_out(utc: datetime, days: list[date]) -> None:
    assert open_days("Europe/Paris", utc, RULES) == days


@pytest.mark.parametrize(
    ("text", "back", "kind", "food"),
    [
        ("yesterday for dinner I had pizza", 1, MealType.DINNER, "pizza"),
        ("for dinner yesterday pizza", 1, MealType.DINNER, "pizza"),
        ("pizza yesterday", 1, None, "pizza"),
        ("last night: steak and fries", 1, MealType.DINNER, "steak and fries"),
        ("hier soir une soupe", 1, MealType.DINNER, "une soupe"),
        ("hier : un croissant au petit-déjeuner", 1, MealType.BREAKFAST, "un croissant"),
        ("2 eggs for breakfast", 0, MealType.BREAKFAST, "2 eggs"),
        ("yesterday's cake", 0, None, "yesterday's cake"),
    ],
)
def test_words_for_the_day_and_the_meal(text: str, back: int, kind: MealType | None, food: str) -> None:
    words = read_meal_words(text)
    assert (words.days_back, words.meal_type, words.food) == (back, kind, food)


async def _user(store: MemoryStore) -> MemoryUnitOfWork:
    async with MemoryUnitOfWork(store) as uow:
        user = await uow.users.create("console", "ana", "ana", Profile(timezone="Europe/Paris"))
        await uow.commit()
    store.user_id = user.id  # type: ignore[attr-defined]
    return MemoryUnitOfWork(store)


async def test_a_meal_for_open_yesterday_is_filed_there_at_its_typical_time_and_a_closed_one_refused() -> None:
    store, clock = MemoryStore(), FixedClock(datetime(2026, 6, 2, 0, 30, tzinfo=UTC))
    await _user(store)
    uid = store.user_id  # type: ignore[attr-defined]
    logged = await log_meal(
        MemoryUnitOfWork(store), clock, LogMeal(uid, (SOUP,), meal_type=MealType.DINNER, day=JUNE_1)
    )
    assert logged.meal.local_day == JUNE_1 and logged.meal.eaten_at == datetime(2026, 6, 1, 17, 30, tzinfo=UTC)
    clock.current = datetime(2026, 6, 2, 1, 0, tzinfo=UTC)
    with pytest.raises(InvalidValue) as closed:
        await log_meal(MemoryUnitOfWork(store), clock, LogMeal(uid, (SOUP,), day=JUNE_1))
    assert "2026-06-01 is closed" in str(closed.value)
    with pytest.raises(InvalidValue):  # nor can its meals be deleted or replaced any more
        await delete_meal(MemoryUnitOfWork(store), clock, RULES, uid, logged.meal.id)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        await log_meal(MemoryUnitOfWork(store), clock, LogMeal(uid, (SOUP,), replaces=logged.meal.id))
    assert len(store.meals) == 1


async def test_replacing_keeps_the_day_time_and_type_and_removes_the_old_meal() -> None:
    store, clock = MemoryStore(), FixedClock(datetime(2026, 6, 2, 0, 30, tzinfo=UTC))
    await _user(store)
    uid = store.user_id  # type: ignore[attr-defined]
    old = (
        await log_meal(MemoryUnitOfWork(store), clock, LogMeal(uid, (SOUP,), meal_type=MealType.LUNCH, day=JUNE_1))
    ).meal
    bigger = MealItem("soup", 0, 300, 0, 0, 0, ItemSource.MANUAL, 300, 300)
    new = (await log_meal(MemoryUnitOfWork(store), clock, LogMeal(uid, (bigger,), replaces=old.id))).meal
    assert (new.local_day, new.eaten_at, new.meal_type) == (old.local_day, old.eaten_at, MealType.LUNCH)
    assert [m.kcal for m in store.meals.values()] == [300]
