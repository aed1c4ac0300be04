from datetime import UTC, date, datetime

import pytest

from core.errors import InvalidValue, NothingToUndo, UnsafeGoal
from core.model import ItemSource, MealItem, UserId
from core.model.profile import Activity, GoalKind, Profile, Sex
from core.services.identify import identify
from core.services.log_meal import LogMeal, log_meal
from core.services.log_weight import log_weight
from core.services.today_summary import today_summary
from core.services.undo_meal import undo_last_meal
from core.services.update_profile import update_profile
from tests.fakes.memory import FixedClock, MemoryStore, MemoryUnitOfWork

FULL = {
    "sex": Sex.FEMALE,
    "birth_year": 1995,
    "height_cm": 165.0,
    "weight_kg": 70.0,
    "activity": Activity.LIGHT,
    "goal": GoalKind.LOSE,
    "rate_kg_per_week": 0.5,
    "timezone": "Asia/Tokyo",
}


def item(name: str, kcal: float) -> MealItem:
    return MealItem(name, 100, kcal, 5, 20, 3, ItemSource.MANUAL, kcal * 0.8, kcal * 1.2)


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 5, 10, 16, 0, tzinfo=UTC))  # 01:00 on 11 May in Tokyo


async def onboarded(store: MemoryStore, clock: FixedClock) -> UserId:
    user = await identify(MemoryUnitOfWork(store), "console", "ana", "Ana")
    await update_profile(MemoryUnitOfWork(store), clock, user.id, FULL)
    return user.id


async def test_identify_creates_once(store: MemoryStore) -> None:
    first = await identify(MemoryUnitOfWork(store), "telegram", "42", "Ana", "fr")
    again = await identify(MemoryUnitOfWork(store), "telegram", "42", "Ana B")
    assert first.id == again.id
    assert first.profile.language == "fr"
    assert len(store.users) == 1


async def test_update_profile_gives_a_target_when_complete(store: MemoryStore, clock: FixedClock) -> None:
    user = await identify(MemoryUnitOfWork(store), "console", "ana", "Ana")
    partial = await update_profile(MemoryUnitOfWork(store), clock, user.id, {"sex": Sex.FEMALE})
    assert partial.target is None
    done = await update_profile(MemoryUnitOfWork(store), clock, user.id, FULL)
    assert done.target is not None and done.target.kcal > 1200


async def test_unsafe_goal_changes_nothing(store: MemoryStore, clock: FixedClock) -> None:
    user_id = await onboarded(store, clock)
    before = store.users[user_id].profile
    with pytest.raises(UnsafeGoal):
        await update_profile(MemoryUnitOfWork(store), clock, user_id, {"rate_kg_per_week": 1.5})
    assert store.users[user_id].profile == before


async def test_meals_are_filed_under_the_local_day(store: MemoryStore, clock: FixedClock) -> None:
    user_id = await onboarded(store, clock)
    logged = await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user_id, (item("rice", 300), item("fish", 200))))
    assert logged.meal.local_day == date(2026, 5, 11)
    summary = await today_summary(MemoryUnitOfWork(store), clock, user_id)
    assert summary.kcal == 500
    assert summary.target_kcal is not None and summary.remaining_kcal == summary.target_kcal - 500
    assert [len(m.items) for m in summary.meals] == [2]


async def test_empty_meal_is_refused(store: MemoryStore, clock: FixedClock) -> None:
    user_id = await onboarded(store, clock)
    with pytest.raises(InvalidValue):
        await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user_id, ()))


async def test_undo_removes_only_todays_last_meal(store: MemoryStore, clock: FixedClock) -> None:
    user_id = await onboarded(store, clock)
    await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user_id, (item("toast", 150),)))
    clock.advance(days=1)
    with pytest.raises(NothingToUndo):
        await undo_last_meal(MemoryUnitOfWork(store), clock, user_id)
    await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user_id, (item("soup", 90),)))
    undone = await undo_last_meal(MemoryUnitOfWork(store), clock, user_id)
    assert undone.meal.items[0].name == "soup"
    assert [m.items[0].name for m in store.meals.values()] == ["toast"]


async def test_weight_updates_profile_and_target(store: MemoryStore, clock: FixedClock) -> None:
    user_id = await onboarded(store, clock)
    logged = await log_weight(MemoryUnitOfWork(store), clock, user_id, 68.0)
    assert logged.previous_kg == 70.0
    assert store.users[user_id].profile.weight_kg == 68.0
    assert logged.profile_update.target is not None
    assert logged.profile_update.previous_target_kcal is not None
    assert logged.profile_update.target.kcal < logged.profile_update.previous_target_kcal


async def test_absurd_weight_is_refused_and_nothing_stored(store: MemoryStore, clock: FixedClock) -> None:
    user_id = await onboarded(store, clock)
    with pytest.raises(InvalidValue):
        await log_weight(MemoryUnitOfWork(store), clock, user_id, -3)
    assert store.weights == [] and store.users[user_id].profile.weight_kg == 70.0


def test_profile_reports_missing_fields_in_order() -> None:
    assert Profile(height_cm=170).missing() == ["sex", "birth_year", "weight_kg", "activity", "goal"]
