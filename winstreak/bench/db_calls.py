"""``winstreak bench db``: CPU of each database call a chat update makes, through the project's own stores.

Every update claims its id and marks it done, loads and saves the chat state and reads its user; a text meal
takes the AI quota; a Save looks for a meal saved from its estimate and adds it, reads the day's meals, the
exercise budget and the trophies held. The bot is one event loop, so the process CPU of these calls bounds its
updates per second: this prints the CPU time (``time.process_time``, which the machine's load changes far
less than wall time) per call of each, on a scratch database (PostgreSQL URL, or a temporary SQLite file).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import ItemSource, Meal, MealId, MealItem, Profile
from storage.admin.quotas import SqlAiQuotas
from storage.chat.updates import SqlUpdateLog
from storage.engine import make_engine, make_session_factory
from storage.exercise.store import SqlExerciseLog
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from storage.migrate import upgrade
from storage.repositories.chat_state import SqlStateStore
from storage.unit_of_work import SqlUnitOfWork

WARM_UP = 20


@dataclass(frozen=True)
class CallFigure:
    """One kind of call: how many were timed and the process CPU per call."""

    name: str
    calls: int
    cpu_ms: float


def _items() -> tuple[MealItem, ...]:
    return tuple(
        MealItem(f"food {n}", 100.0, 150.0, 5.0, 20.0, 5.0, ItemSource.DATABASE, 120.0, 180.0) for n in range(3)
    )


async def measure(url: str, calls: int) -> list[CallFigure]:
    """Time ``calls`` of each per-update call on the database at ``url`` (migrated first)."""
    engine = make_engine(url)
    try:
        await upgrade(engine)
        return await _measure(engine, calls)
    finally:
        await engine.dispose()


async def _measure(engine: AsyncEngine, calls: int) -> list[CallFigure]:
    sessions = make_session_factory(engine)
    stamp = f"{time.time_ns()}"
    async with SqlUnitOfWork(sessions) as uow:
        saver = await uow.users.create("bench-db", f"saver-{stamp}", "saver", Profile())
        reader = await uow.users.create("bench-db", f"reader-{stamp}", "reader", Profile())
        await uow.commit()
    now = datetime.now(UTC)
    day = now.date()
    async with SqlUnitOfWork(sessions) as uow:  # the reader's day: four meals, as a user's day has
        for _ in range(4):
            await uow.meals.add(Meal(None, reader.id, now, day, _items(), "meal", "text"))
        await uow.commit()
    states, quotas, exercise = SqlStateStore(sessions), SqlAiQuotas(engine), SqlExerciseLog(engine)
    log = SqlUpdateLog(sessions, "bench-db", timedelta(minutes=1))
    first_id = time.time_ns() // 1000  # ids no earlier run took
    update_ids = iter(range(first_id, first_id + 10**9))
    meal_day = [day]

    async def claim_and_finish() -> None:
        update_id = next(update_ids)
        await log.claim(update_id, now)
        await log.finish(update_id)

    async def read_user() -> None:
        async with SqlUnitOfWork(sessions) as uow:
            await uow.users.by_identity("bench-db", f"reader-{stamp}")

    async def save_meal() -> None:  # as log_meal: was this estimate saved already? if not, store it
        meal_day[0] -= timedelta(days=1)  # one meal a day: the saver's days stay small
        key = f"{stamp}-{meal_day[0].toordinal()}"  # the estimate's save key, new each time
        async with SqlUnitOfWork(sessions) as uow:
            if await uow.meals.saved_from(saver.id, key) is None:
                meal = Meal(MealId(0), saver.id, now, meal_day[0], _items(), "meal", "text", estimate_key=key)
                await uow.meals.add(meal)
            await uow.commit()

    async def day_meals() -> None:
        async with SqlUnitOfWork(sessions) as uow:
            await uow.meals.on_day(reader.id, day)

    async def trophies() -> None:
        async with SqlGameUnitOfWork(sessions) as game:
            await game.game.unlocked(reader.id)

    steps: list[tuple[str, Callable[[], Awaitable[object]]]] = [
        ("update claim + done (2 statements)", claim_and_finish),
        ("chat state load", lambda: states.load(f"bench-db:{stamp}")),
        ("chat state save", lambda: states.save(f"bench-db:{stamp}", '{"step": 1}', now)),
        ("user by identity (unit of work)", read_user),
        ("AI quota take", lambda: quotas.take(reader.id, day, 10**9)),
        ("meal save, 3 items: saved_from + add (unit of work)", save_meal),
        ("day's meals, 4 meals (unit of work)", day_meals),
        ("exercise day + setting", lambda: exercise.day_and_setting(reader.id, day)),
        ("trophies held (game unit of work)", trophies),
    ]
    figures = []
    for name, step in steps:
        for _ in range(WARM_UP):
            await step()
        start = time.process_time()
        for _ in range(calls):
            await step()
        figures.append(CallFigure(name, calls, 1000 * (time.process_time() - start) / calls))
    return figures


def run(db: str | None, calls: int) -> tuple[str, list[CallFigure]]:
    """The figures on ``db``, or on a temporary SQLite file; returns the dialect name with them."""
    if db is not None:
        return db.split(":", 1)[0].split("+")[0], asyncio.run(measure(db, calls))
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        return "sqlite", asyncio.run(measure(url, calls))
