"""``winstreak bench closeout``: N users with a realistic week of meals, then one set-based close-out for all.

Setup is generated inside the database (INSERT … SELECT over a number series: generate_series on
PostgreSQL, a recursive CTE on SQLite), so no Python loop touches a row. Users get established game
states (streaks, RP, freezes, shields, trophies already earned) so the close-out measures the steady state.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Date, bindparam, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.rules.game_rules import GameRules
from storage.engine import make_engine
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.trophy_sql import full_inserts
from storage.migrate import upgrade
from winstreak.bench.closeout_sql import meal_items_sql, meals_sql, stats_sql, users_sql

WEEK_START = date(2026, 3, 2)  # a Monday; the close-out closes the Sunday
CLOSED_DAY = WEEK_START + timedelta(days=6)


@dataclass(frozen=True, slots=True)
class CloseoutBench:
    """Figures of one run."""

    db: str
    users: int
    meals: int
    setup_s: float
    closeout_s: float
    closed: int
    trophies: int
    rank_changes: int

    def json(self) -> dict[str, object]:
        """The figures the ``--json`` line carries."""
        return {
            "db": self.db, "users": self.users, "setup_s": round(self.setup_s, 2),
            "closeout_s": round(self.closeout_s, 2), "meals": self.meals, "closed": self.closed,
            "trophies": self.trophies, "rank_changes": self.rank_changes,
        }  # fmt: skip


async def _execute(engine: AsyncEngine, sql: str, fast_load: bool = False, **params: object) -> None:
    async with engine.begin() as conn:
        if fast_load:  # generated rows are consistent by construction: skip per-row FK triggers when allowed
            try:
                async with conn.begin_nested():
                    await conn.execute(text("SET LOCAL session_replication_role = replica"))
            except DBAPIError:
                pass
        await conn.execute(text(sql).bindparams(bindparam("day", type_=Date)) if ":day" in sql else text(sql), params)


async def _setup(engine: AsyncEngine, users: int, rules: GameRules) -> tuple[int, int]:
    dialect = engine.dialect.name
    async with engine.connect() as conn:
        offset = int((await conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM users"))).scalar_one())
        first_meal = int((await conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM meals"))).scalar_one())
    fast = dialect == "postgresql"
    await _execute(engine, users_sql(dialect, users, offset))
    await _execute(engine, meals_sql(dialect, offset, users, first_meal, WEEK_START), fast)
    if dialect == "postgresql":  # the meals got explicit ids: move the id sequence past them
        await _execute(engine, "SELECT setval(pg_get_serial_sequence('meals', 'id'), (SELECT MAX(id) FROM meals))")
    await _execute(engine, meal_items_sql(first_meal), fast)
    await _execute(engine, stats_sql(offset, CLOSED_DAY - timedelta(days=1)), fast)
    for sql in full_inserts(rules, f"s.user_id > {offset} AND s.last_closed_day = :day"):
        await _execute(engine, sql, fast, day=CLOSED_DAY - timedelta(days=1))
    if dialect == "postgresql":
        for table in ("users", "meals", "meal_items", "user_stats", "trophies", "day_results"):
            await _execute(engine, f"ANALYZE {table}")
    async with engine.connect() as conn:
        meals = int((await conn.execute(text(f"SELECT COUNT(*) FROM meals WHERE id > {first_meal}"))).scalar_one())
    return offset, meals


async def _run(url: str, users: int) -> CloseoutBench:
    rules = GameRules()
    engine = make_engine(url)
    try:
        await upgrade(engine)
        started = time.perf_counter()
        _, meals = await _setup(engine, users, rules)
        setup_s = time.perf_counter() - started
        started = time.perf_counter()
        closer = SqlBulkCloser(engine, rules, workers=os.cpu_count() or 1)
        closed, trophies, ranks = await closer.close_out(CLOSED_DAY, None)
        closeout_s = time.perf_counter() - started
        return CloseoutBench(engine.dialect.name, users, meals, setup_s, closeout_s, closed, trophies, ranks)
    finally:
        await engine.dispose()


def bench(users: int, db_url: str | None) -> CloseoutBench:
    """Run the benchmark on ``db_url`` (a scratch database!) or a temporary SQLite file."""
    if db_url:
        return asyncio.run(_run(db_url, users))
    with tempfile.TemporaryDirectory(prefix="winstreak-closeout-") as work:
        return asyncio.run(_run(f"sqlite+aiosqlite:///{Path(work) / 'bench.db'}", users))
