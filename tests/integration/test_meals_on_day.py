"""A day's meals (one Core SELECT of meals joined to items) read back exactly as stored, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.model import ItemSource, Meal, MealItem, MealType
from core.model.profile import Profile
from storage.models import MealItemRow
from storage.unit_of_work import SqlUnitOfWork

NOON = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def item(name: str, kcal: float, food_id: str | None = None) -> MealItem:
    return MealItem(name, 100.0, kcal, 1.5, 2.5, 3.5, ItemSource.DATABASE, kcal * 0.8, kcal * 1.2, food_id)


async def test_meals_of_a_day_in_order_with_their_items_in_order(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with SqlUnitOfWork(sessions) as uow:
        user = await uow.users.create("telegram", "1", "Ann", Profile())
        other = await uow.users.create("telegram", "2", "Bob", Profile())
        late = Meal(None, user.id, NOON + timedelta(hours=6), NOON.date(), (item("pasta", 500),), "pasta", "text")
        early = Meal(
            None, user.id, NOON, NOON.date(), (item("egg", 80, "builtin:egg"), item("toast", 90), item("jam", 40)),
            "breakfast", "photo", meal_type=MealType.BREAKFAST,
        )  # fmt: skip
        empty = Meal(None, user.id, NOON + timedelta(hours=1), NOON.date(), (item("tea", 2),), "tea")
        stored = [await uow.meals.add(m) for m in (late, early, empty)]
        await uow.meals.add(Meal(None, other.id, NOON, NOON.date(), (item("soup", 200),), "soup"))
        await uow.meals.add(Meal(None, user.id, NOON + timedelta(days=1), NOON.date() + timedelta(days=1), (), "x"))
        assert [m.description for m in await uow.meals.on_day(user.id, NOON.date())] == ["breakfast", "tea", "pasta"]
        await uow.commit()
    async with sessions() as session, session.begin():  # a meal whose items are all gone is still listed
        await session.execute(delete(MealItemRow).where(MealItemRow.meal_id == int(stored[2].id or 0)))
    async with SqlUnitOfWork(sessions) as uow:
        meals = await uow.meals.on_day(user.id, NOON.date())
    assert [m.id for m in meals] == [stored[1].id, stored[2].id, stored[0].id]
    assert meals[0] == stored[1]  # every field, items in their order, meal type, food id
    assert meals[1].items == () and meals[1].description == "tea"
    assert meals[2] == stored[0]
    assert meals[0].eaten_at == NOON and meals[0].eaten_at.tzinfo is not None
