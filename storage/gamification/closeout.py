"""The set-based close-out runner: a journalled sequence of idempotent SQL steps over all users at once.

Each step is its own transaction. A run is written to ``closeout_runs`` before its first step and marked
finished after its last; every new close-out first re-runs unfinished runs, so a crash at any point is
resumed without double counting (``day_results`` is unique per user and day, ``user_stats`` only takes a
day after its ``last_closed_day``, rank changes and trophies are ``ON CONFLICT DO NOTHING``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, bindparam, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.events import RankChanged, TrophyUnlocked
from core.model import UserId
from core.rules.game_rules import GameRules
from core.rules.player import SUNDAY
from core.rules.ranks import rank_at
from core.rules.trophies import INSTANT_CODES, catalogue
from storage.gamification.closeout_sql import rank_history, results_insert, rule_params, stats_upsert, user_slice
from storage.gamification.tables import CloseoutRunRow, DayResultRow, RankHistoryRow, TrophyRow
from storage.gamification.trophy_sql import crossing_inserts
from storage.models import UserRow

ALL_ZONES = "*"
StepHook = Callable[[str], Awaitable[None]]


async def _no_hook(step: str) -> None:
    return None


class SqlBulkCloser:
    """:class:`core.ports.BulkCloser` over one engine (SQLite or PostgreSQL)."""

    def __init__(
        self, engine: AsyncEngine, rules: GameRules, after_step: StepHook = _no_hook, workers: int = 1
    ) -> None:
        self._engine = engine
        self._rules = rules
        self._after_step = after_step
        self._dialect = engine.dialect.name
        # SQLite has one writer at a time: slices would only queue up.
        self._workers = max(1, workers) if self._dialect == "postgresql" else 1

    async def close_out(self, day: date, zones: list[str] | None) -> tuple[int, int, int]:
        """Finish unfinished runs, then close ``day`` for users in ``zones`` (None: every zone)."""
        await self.resume()
        key = ALL_ZONES if zones is None else "\n".join(sorted(set(zones)))
        async with self._engine.begin() as conn:
            run_id = (
                await conn.execute(
                    insert(CloseoutRunRow)
                    .values(day=day, zones=key, started_at=datetime.now(UTC))
                    .returning(CloseoutRunRow.id)
                )
            ).scalar_one()
        return await self._run(run_id, day, key)

    async def resume(self) -> int:
        """Finish every run a crash left unfinished, oldest day first; returns how many."""
        async with self._engine.connect() as conn:
            query = (
                select(CloseoutRunRow.id, CloseoutRunRow.day, CloseoutRunRow.zones)
                .where(CloseoutRunRow.finished_at.is_(None))
                .order_by(CloseoutRunRow.day, CloseoutRunRow.id)
            )
            pending = (await conn.execute(query)).all()
        for run_id, day, key in pending:
            await self._run(run_id, day, key)
        return len(pending)

    async def _step(self, name: str, statements: list[str], params: dict[str, Any], zones: list[str] | None) -> int:
        count = 0
        async with self._engine.begin() as conn:
            if self._dialect == "postgresql":
                # Every join here is set against set; a misestimated filter (stats taken before the last
                # close-out) must not turn one into a nested loop over a million rows.
                await conn.execute(text("SET LOCAL enable_nestloop = off"))
            for sql in statements:
                statement = text(sql).bindparams(bindparam("day", type_=Date))
                if zones is not None and ":zones" in sql:
                    statement = statement.bindparams(bindparam("zones", expanding=True))
                result = await conn.execute(statement, params)
                count += max(result.rowcount or 0, 0)
        await self._after_step(name)
        return count

    async def _run(self, run_id: int, day: date, key: str) -> tuple[int, int, int]:
        zones = None if key == ALL_ZONES else key.split("\n")
        params: dict[str, Any] = {"day": day, "active": True}
        if zones is not None:
            params["zones"] = zones
        zone_filter = "" if zones is None else "AND u.timezone IN :zones"
        k, rules = self._workers, self._rules
        params.update(rule_params(rules, sunday=day.weekday() == SUNDAY))

        async def sliced(name: str, make: Callable[[int], list[str]], step_params: dict[str, Any]) -> None:
            await asyncio.gather(*(self._step(name, make(i), step_params, zones) for i in range(k)))

        only_day = {"day": day}
        await sliced(
            "results",
            lambda i: [results_insert(day.year, self._dialect, zone_filter, i, k)],
            params,
        )
        await sliced("stats", lambda i: [stats_upsert(user_slice("d.user_id", i, k))], only_day)
        await sliced("rank_history", lambda i: [rank_history(user_slice("d.user_id", i, k))], only_day)
        await sliced(
            "trophies",
            lambda i: crossing_inserts(rules, user_slice("d.user_id", i, k), user_slice("s.user_id", i, k)),
            only_day,
        )
        async with self._engine.begin() as conn:
            await conn.execute(
                update(CloseoutRunRow).where(CloseoutRunRow.id == run_id).values(finished_at=datetime.now(UTC))
            )
            closed = await conn.scalar(select(func.count()).select_from(DayResultRow).where(DayResultRow.day == day))
            ranks = await conn.scalar(select(func.count()).select_from(RankHistoryRow).where(RankHistoryRow.day == day))
            trophies = await conn.scalar(
                select(func.count()).select_from(TrophyRow).where(TrophyRow.unlocked_on == day)
            )
        return int(closed or 0), int(trophies or 0), int(ranks or 0)

    async def events_of_day(self, day: date, zones: list[str] | None) -> list[TrophyUnlocked | RankChanged]:
        """What closing ``day`` for users in ``zones`` (None: all) unlocked and changed, for announcements."""
        codes = {trophy.code: trophy for trophy in catalogue(self._rules)}
        events: list[TrophyUnlocked | RankChanged] = []
        async with self._engine.connect() as conn:
            query = select(TrophyRow.user_id, TrophyRow.code).where(TrophyRow.unlocked_on == day)
            query = query.where(TrophyRow.code.not_in(INSTANT_CODES))  # announced when they were earned
            ranks = select(RankHistoryRow.user_id, RankHistoryRow.step_before, RankHistoryRow.step_after)
            ranks = ranks.where(RankHistoryRow.day == day)
            if zones is not None:
                in_zones = select(UserRow.id).where(UserRow.timezone.in_(zones))
                query = query.where(TrophyRow.user_id.in_(in_zones))
                ranks = ranks.where(RankHistoryRow.user_id.in_(in_zones))
            for user_id, code in (await conn.execute(query.order_by(TrophyRow.id))).all():
                if code in codes:
                    events.append(TrophyUnlocked(UserId(user_id), codes[code], day))
            for user_id, before, after in (await conn.execute(ranks)).all():
                events.append(RankChanged(UserId(user_id), day, rank_at(before), rank_at(after)))
        return events

    async def user_zones(self) -> list[str]:
        """Every time zone some active user lives in."""
        async with self._engine.connect() as conn:
            rows = await conn.execute(text("SELECT DISTINCT timezone FROM users WHERE active = :a"), {"a": True})
            return sorted(str(row[0]) for row in rows)
