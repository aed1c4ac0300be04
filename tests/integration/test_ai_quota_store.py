"""The AI quota store on SQLite and PostgreSQL: the one-statement path for a day already started keeps the limit.

Concurrent takes (as from several replicas) never pass the limit, an operator's override applies to the row
already counting today, and the limit that applied is returned.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date

import pytest

from core.model import Profile, UserId
from storage.admin.quotas import SqlAiQuotas
from storage.engine import make_engine, make_session_factory
from storage.unit_of_work import SqlUnitOfWork

DAY = date(2026, 12, 7)


@pytest.fixture
async def quotas(db_url: str) -> AsyncIterator[tuple[SqlAiQuotas, UserId]]:
    engine = make_engine(db_url)
    async with SqlUnitOfWork(make_session_factory(engine)) as uow:
        user = await uow.users.create("console", "quota-user", "Q", Profile())
        await uow.commit()
    yield SqlAiQuotas(engine), user.id
    await engine.dispose()


async def test_concurrent_takes_on_a_started_day_stop_at_the_limit(quotas: tuple[SqlAiQuotas, UserId]) -> None:
    store, uid = quotas
    assert (await store.take(uid, DAY, 5)).allowed  # the day's row now exists: later takes are one UPDATE
    results = await asyncio.gather(*(store.take(uid, DAY, 5) for _ in range(12)))
    assert sum(r.allowed for r in results) == 4
    assert {r.limit for r in results} == {5}


async def test_an_override_applies_to_a_day_already_counting(quotas: tuple[SqlAiQuotas, UserId]) -> None:
    store, uid = quotas
    for _ in range(3):
        assert (await store.take(uid, DAY, 10)).allowed
    assert await store.set_limit(uid, 3)
    refused = await store.take(uid, DAY, 10)
    assert (refused.allowed, refused.limit) == (False, 3)
    assert await store.set_limit(uid, 5)
    taken = await store.take(uid, DAY, 10)
    assert (taken.allowed, taken.limit) == (True, 5)
    assert await store.set_limit(uid, None)
    back = await store.take(uid, DAY, 10)
    assert (back.allowed, back.limit) == (True, 10)
    assert (await store.take(uid, date(2026, 12, 8), 10)).allowed  # a new day starts again from one
