"""The unit system is stored with the profile on SQLite and PostgreSQL; its migration goes up and down."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from core.model import Profile, UserId
from core.model.profile import Units
from storage.engine import make_engine, make_session_factory
from storage.migrate import upgrade
from storage.unit_of_work import SqlUnitOfWork
from tests.integration.schema_steps import migrate

pytestmark = pytest.mark.postgres


async def test_units_round_trip_and_default_to_metric(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        async with SqlUnitOfWork(sessions) as uow:
            ana = await uow.users.create("console", "ana", "ana", Profile())
            bo = await uow.users.create("console", "bo", "bo", Profile(units=Units.IMPERIAL, weight_kg=80.0))
            await uow.commit()
        async with SqlUnitOfWork(sessions) as uow:
            assert ana.profile.units is Units.METRIC
            stored = await uow.users.get(bo.id)
            assert stored is not None and stored.profile.units is Units.IMPERIAL and stored.profile.weight_kg == 80.0
            await uow.users.save_profile(bo.id, stored.profile.updated(units=Units.METRIC))
            await uow.commit()
        async with SqlUnitOfWork(sessions) as uow:
            again = await uow.users.get(bo.id)
        assert again is not None and again.profile.units is Units.METRIC
    finally:
        await engine.dispose()


def _user_columns(connection: Connection) -> list[str]:
    return [column["name"] for column in inspect(connection).get_columns("users")]


async def test_the_migration_goes_down_and_up_keeping_users_as_metric(db_url: str) -> None:
    engine = make_engine(db_url)
    url = engine.url.render_as_string(hide_password=False)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(migrate, url, "profile@0001_foundation", True)
            assert "units" not in await conn.run_sync(_user_columns)
            await conn.execute(
                text("INSERT INTO users (id, display_name, rate_kg_per_week, timezone, language, active, created_at) "
                     "VALUES (9, 'old', 0.5, 'UTC', 'en', true, '2026-01-01 00:00:00')")
            )  # fmt: skip
        async with engine.begin() as conn:
            await conn.run_sync(migrate, url, "profile@head")
            assert "units" in await conn.run_sync(_user_columns)
        await upgrade(engine)  # nothing left to do: every head reached
        async with engine.connect() as conn:
            units = (await conn.execute(text("SELECT units FROM users WHERE id = 9"))).scalar_one()
        assert units == "metric"
        async with SqlUnitOfWork(make_session_factory(engine)) as uow:
            old = await uow.users.get(UserId(9))
        assert old is not None and old.profile.units is Units.METRIC
    finally:
        await engine.dispose()
