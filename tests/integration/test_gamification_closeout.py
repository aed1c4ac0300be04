"""The set-based close-out on real SQLite and PostgreSQL, checked day by day against the Python rule book."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.rules.player import DayTally, PlayerStats
from storage.engine import make_engine
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.tables import DayResultRow, TrophyRow, UserStatsRow
from tests.integration.gamification_world import (
    KINDS,
    Player,
    add_meal,
    add_user,
    oracle_close,
    random_profile,
    set_weight,
)

START = date(2026, 3, 2)  # a Monday
RULES = GameRules()


def _plan(rng: random.Random, target: int) -> list[list[float]]:
    """Meals of one day as lists of item kcal: missed, under, won (incl. both bounds) or lost."""
    kind = rng.choice(("missed", "under", "won", "won", "won", "won", "lost", "exact", "minimum"))
    total = {
        "missed": 0.0, "under": target * 0.4, "won": target * rng.uniform(0.65, 0.98), "lost": target * 1.2,
        "exact": float(target), "minimum": target * RULES.min_share,
    }[kind]  # fmt: skip
    if kind == "missed":
        return []
    meals = rng.randint(1, 3)
    return [[total / meals / 2, total / meals / 2] for _ in range(meals)]


async def _simulate(engine: AsyncEngine, closer: SqlBulkCloser, days: int, seed: int) -> list[Player]:
    rng = random.Random(seed)
    players = []
    for n in range(1, 13):
        player = Player(n, random_profile(rng))
        await add_user(engine, n, player.profile)
        players.append(player)
    for offset in range(days):
        day = START + timedelta(days=offset)
        for player in players:
            if offset == 10 and player.user_id % 2:
                weight = (player.profile.weight_kg or 80) - rng.choice((1.0, 5.5, 12.0))
                player.profile = dataclasses.replace(player.profile, weight_kg=weight)
                await set_weight(engine, player.user_id, weight, day)
            tally = DayTally()
            for items in _plan(rng, daily_target(player.profile, day.year).kcal):
                kind = rng.choice(KINDS)
                await add_meal(engine, player.user_id, day, items, kind)
                counts = {f"{kind}_meals": getattr(tally, f"{kind}_meals") + 1} if kind != "text" else {}
                tally = dataclasses.replace(tally, kcal=tally.kcal + sum(items), meals=tally.meals + 1, **counts)
            if tally.meals or player.stats != PlayerStats():
                oracle_close(player, day, tally, RULES)
        await closer.close_out(day, None)
    return players


async def _check(engine: AsyncEngine, players: list[Player]) -> None:
    async with AsyncSession(engine) as session:
        stats = {r.user_id: r for r in (await session.execute(select(UserStatsRow))).scalars()}
        results = {(r.user_id, r.day): r.result for r in (await session.execute(select(DayResultRow))).scalars()}
        trophies = {(r.user_id, r.code): r.unlocked_on for r in (await session.execute(select(TrophyRow))).scalars()}
    for player in players:
        row = stats[player.user_id]
        for name in (f.name for f in dataclasses.fields(PlayerStats)):
            assert getattr(row, name) == getattr(player.stats, name), (player.user_id, name)
        assert {d: r for (u, d), r in results.items() if u == player.user_id} == player.results
        assert {c: d for (u, c), d in trophies.items() if u == player.user_id} == player.trophies


async def test_sql_close_out_matches_python_rules(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        players = await _simulate(engine, SqlBulkCloser(engine, RULES, workers=3), days=30, seed=5)  # 3 slices on PG
        await _check(engine, players)
        won = sum(1 for p in players for r in p.results.values() if r == "won")
        assert won > 50 and any(p.stats.freezes_used for p in players) and any(p.stats.rp >= 300 for p in players)
        codes = {code for p in players for code in p.trophies}
        assert {"weight_1", "weight_5", "weight_10", "streak_7", "tier_silver", "first_voice"} <= codes
    finally:
        await engine.dispose()


async def test_close_out_twice_counts_once(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        closer = SqlBulkCloser(engine, RULES)
        players = await _simulate(engine, closer, days=8, seed=7)
        again = await closer.close_out(START + timedelta(days=7), None)
        assert again[0] == sum(1 for p in players if START + timedelta(days=7) in p.results)
        await _check(engine, players)
    finally:
        await engine.dispose()


class Crash(Exception):
    pass


@pytest.mark.parametrize("crash_after", ["results", "stats", "rank_history", "trophies"])
async def test_crash_between_steps_resumes_without_double_counting(db_url: str, crash_after: str) -> None:
    engine = make_engine(db_url)
    armed = {"on": False}

    async def hook(step: str) -> None:
        if armed["on"] and step == crash_after:
            armed["on"] = False
            raise Crash(step)

    try:
        closer = SqlBulkCloser(engine, RULES, after_step=hook)
        players = await _simulate(engine, closer, days=9, seed=11)
        last = START + timedelta(days=9)
        for player in players:
            await add_meal(engine, player.user_id, last, [700.0, 600.0])
            oracle_close(player, last, DayTally(kcal=1300.0, meals=1), RULES)
        armed["on"] = True
        with pytest.raises(Crash):
            await closer.close_out(last, None)
        assert await SqlBulkCloser(engine, RULES).resume() == 1
        assert await SqlBulkCloser(engine, RULES).resume() == 0
        await _check(engine, players)
    finally:
        await engine.dispose()


async def test_close_out_only_touches_the_given_zones(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        rng = random.Random(3)
        day = START
        for n, tz in ((1, "Asia/Kolkata"), (2, "America/St_Johns"), (3, "Asia/Kathmandu")):
            await add_user(engine, n, random_profile(rng), tz)
            await add_meal(engine, n, day, [500.0])
        closer = SqlBulkCloser(engine, RULES)
        assert await closer.user_zones() == ["America/St_Johns", "Asia/Kathmandu", "Asia/Kolkata"]
        assert (await closer.close_out(day, ["Asia/Kolkata", "Asia/Kathmandu"]))[0] == 2
        async with engine.connect() as conn:
            closed = set((await conn.execute(select(DayResultRow.user_id))).scalars())
        assert closed == {1, 3}
    finally:
        await engine.dispose()
