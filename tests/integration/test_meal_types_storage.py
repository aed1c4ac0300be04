"""Meal types are stored with meals on SQLite and PostgreSQL; unsaid, the user's local hour decides."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.model import ItemSource, MealItem, MealType, Profile
from core.services.log_meal import LogMeal, log_meal
from storage.engine import make_engine, make_session_factory
from storage.unit_of_work import SqlUnitOfWork
from tests.fakes.memory import FixedClock

pytestmark = pytest.mark.postgres
ITEM = MealItem("soup", 0, 200, 0, 0, 0, ItemSource.MANUAL, 200, 200)


async def test_said_and_unsaid_types_round_trip(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        async with SqlUnitOfWork(sessions) as uow:
            user = await uow.users.create("console", "ana", "ana", Profile(timezone="America/New_York"))
            await uow.commit()
        clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))  # 19:30 in New York: dinner time
        await log_meal(SqlUnitOfWork(sessions), clock, LogMeal(user.id, (ITEM,), "soup", meal_type=MealType.LUNCH))
        await log_meal(SqlUnitOfWork(sessions), clock, LogMeal(user.id, (ITEM,), "soup"))
        async with SqlUnitOfWork(sessions) as uow:
            meals = await uow.meals.on_day(user.id, datetime(2026, 6, 1).date())
        assert [m.meal_type for m in meals] == [MealType.LUNCH, MealType.DINNER]
    finally:
        await engine.dispose()
