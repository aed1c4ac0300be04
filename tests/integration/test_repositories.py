"""The SQL repositories on SQLite and PostgreSQL, through the same use cases as production."""

from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from core.model import ItemSource, MealItem
from core.model.profile import Profile
from core.rules.profile_values import parse_assignments
from core.services.identify import identify
from core.services.log_meal import LogMeal, log_meal
from core.services.log_weight import log_weight
from core.services.today_summary import today_summary
from core.services.undo_meal import undo_last_meal
from core.services.update_profile import update_profile
from storage.engine import make_engine, make_session_factory
from storage.models import IdentityRow, MealItemRow, MealRow
from storage.unit_of_work import SqlUnitOfWork
from tests.fakes.memory import FixedClock

ITEM = MealItem("pasta", 250, 400, 14, 75, 4, ItemSource.DATABASE, 330, 480, "builtin:pasta")


async def test_full_round_trip(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    clock = FixedClock(datetime(2026, 1, 5, 22, 30, tzinfo=UTC))
    try:
        user = await identify(SqlUnitOfWork(sessions), "telegram", "1001", "Zoé", "fr")
        again = await identify(SqlUnitOfWork(sessions), "telegram", "1001", "Zoé")
        assert again.id == user.id and again.profile.language == "fr"
        changes = parse_assignments(
            "sex=female born=1990 height=168 weight=64 activity=light goal=lose tz=Europe/Paris", 2026
        )
        updated = await update_profile(SqlUnitOfWork(sessions), clock, user.id, changes)
        assert updated.target is not None
        stored = await SqlUnitOfWork(sessions).__aenter__()
        account = await stored.users.get(user.id)
        await stored.__aexit__(None, None, None)
        assert account is not None and account.profile == updated.profile

        logged = await log_meal(SqlUnitOfWork(sessions), clock, LogMeal(user.id, (ITEM, ITEM), "pasta twice"))
        assert logged.meal.id is not None
        summary = await today_summary(SqlUnitOfWork(sessions), clock, user.id)
        assert str(summary.day) == "2026-01-05"  # 23:30 in Paris
        assert summary.kcal == 800 and summary.meals[0].items[0] == ITEM
        assert summary.meals[0].eaten_at == clock.now()

        await log_weight(SqlUnitOfWork(sessions), clock, user.id, 63.2)
        await undo_last_meal(SqlUnitOfWork(sessions), clock, user.id)
        assert (await today_summary(SqlUnitOfWork(sessions), clock, user.id)).meals == ()
        async with SqlUnitOfWork(sessions) as uow:
            assert [w.weight_kg for w in await uow.weights.history(user.id)] == [63.2]
    finally:
        await engine.dispose()


async def test_uncommitted_work_is_rolled_back(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        async with SqlUnitOfWork(sessions) as uow:
            await uow.users.create("console", "ghost", "Ghost", Profile())
        async with SqlUnitOfWork(sessions) as uow:
            assert await uow.users.by_identity("console", "ghost") is None
    finally:
        await engine.dispose()


async def test_constraints_protect_the_data(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        user = await identify(SqlUnitOfWork(sessions), "console", "x", "X")
        async with sessions() as session:
            session.add(IdentityRow(platform="console", external_id="x", user_id=user.id))
            with pytest.raises(IntegrityError):
                await session.commit()
        async with sessions() as session:
            meal = MealRow(user_id=user.id, eaten_at=datetime.now(UTC), local_day=datetime.now(UTC).date())
            meal.items = [
                MealItemRow(
                    position=0,
                    name="bad",
                    grams=-5,
                    kcal=10,
                    protein_g=0,
                    carbs_g=0,
                    fat_g=0,
                    source="manual",
                    low_kcal=10,
                    high_kcal=10,
                )
            ]
            session.add(meal)
            with pytest.raises(IntegrityError):
                await session.commit()
    finally:
        await engine.dispose()


async def test_identity_created_meanwhile_by_another_replica_is_reused(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        async with SqlUnitOfWork(sessions) as late, SqlUnitOfWork(sessions) as early:
            first = await early.users.create("telegram", "77", "Early", Profile())
            await early.commit()
            second = await late.users.create("telegram", "77", "Late", Profile())
            await late.commit()
        assert second.id == first.id and second.display_name == "Early"
    finally:
        await engine.dispose()
