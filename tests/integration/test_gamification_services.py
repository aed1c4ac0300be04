"""Gamification use cases over the real SQL adapters: closing one user's day, status, and league weeks."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.events import (
    DayClosed,
    DaysClosedInBulk,
    LeaguePromoted,
    LeagueWeekEnded,
    RankChanged,
    TrophyUnlocked,
)
from core.model import UserAccount, UserId
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.rules.leagues import Movement
from core.rules.player import DayTally
from core.services.close_out_due import close_out_due
from core.services.close_user_day import close_user_day
from core.services.end_league_week import end_league_week
from core.services.game_status import game_status
from core.services.league_membership import join_league, leave_league
from storage.chat.groups import SqlGroupStore
from storage.engine import make_engine, make_session_factory
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from tests.integration.gamification_world import Player, add_meal, add_user, oracle_close, random_profile

RULES = GameRules()


async def _account(sessions: async_sessionmaker[AsyncSession], user_id: int) -> UserAccount:
    async with SqlGameUnitOfWork(sessions) as uow:
        account = await uow.users.get(UserId(user_id))
    assert account is not None
    return account


MONDAY = date(2026, 3, 2)


async def test_close_user_day_follows_the_rules_and_is_idempotent(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        player = Player(1, random_profile(random.Random(2)))
        await add_user(engine, 1, player.profile)
        events = []
        for n in range(9):
            day = MONDAY + timedelta(days=n)
            kcal = 0.0 if n == 4 else 1300.0
            if kcal:
                await add_meal(engine, 1, day, [kcal], "photo" if n == 0 else "text")
            oracle_close(player, day, DayTally(kcal, int(kcal > 0), int(n == 0)), RULES)
            events += await close_user_day(SqlGameUnitOfWork(sessions), UserId(1), day, RULES)
            assert await close_user_day(SqlGameUnitOfWork(sessions), UserId(1), day, RULES) == []
        closed = [e for e in events if isinstance(e, DayClosed)]
        assert [e.outcome.result.value for e in closed] == list(player.results.values())
        unlocked = {e.trophy.code: e.day for e in events if isinstance(e, TrophyUnlocked)}
        assert unlocked == player.trophies and "first_photo" in unlocked
        status = await game_status(SqlGameUnitOfWork(sessions), UserId(1), RULES)
        assert status.stats == player.stats
        assert status.unlocked_count == len(player.trophies)
        assert [day for day, _ in status.history] == list(player.results)
        assert any(isinstance(e, RankChanged) for e in events) == (player.stats.rp >= 100)
    finally:
        await engine.dispose()


async def test_nobody_plays_before_their_first_meal(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        await add_user(engine, 1, random_profile(random.Random(1)))
        assert await close_user_day(SqlGameUnitOfWork(sessions), UserId(1), MONDAY, RULES) == []
        now = datetime(2026, 3, 4, 3, 0, tzinfo=UTC)
        [bulk] = await close_out_due(SqlBulkCloser(engine, RULES), now, RULES)
        assert isinstance(bulk, DaysClosedInBulk) and (bulk.day, bulk.users) == (date(2026, 3, 3), 0)
    finally:
        await engine.dispose()


async def test_league_week_moves_members_once_and_keeps_results(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    groups = SqlGroupStore(sessions)
    try:
        group = await groups.create("telegram", "-100", "Team", "UTC")
        rng = random.Random(4)
        for n, meals in ((1, 7), (2, 5), (3, 3), (4, 0)):
            profile = random_profile(rng)
            await add_user(engine, n, profile)
            account = await _account(sessions, n)
            assert await join_league(SqlGameUnitOfWork(sessions), groups, "telegram", "-100", account)
            for d in range(meals):
                await add_meal(engine, n, MONDAY + timedelta(days=d), [daily_target(profile, 2026).kcal * 0.8])
        closer = SqlBulkCloser(engine, RULES)
        for d in range(7):
            await closer.close_out(MONDAY + timedelta(days=d), None)
        events = await end_league_week(SqlGameUnitOfWork(sessions), groups, group, MONDAY, RULES)
        ended = events[0]
        assert isinstance(ended, LeagueWeekEnded)
        placed = ended.placements[0]
        assert [int(p.user_id) for p in placed] == [1, 2, 3, 4]
        assert [p.movement for p in placed] == [Movement.UP, Movement.STAY, Movement.STAY, Movement.STAY]
        assert any(isinstance(e, LeaguePromoted) and e.user_id == 1 for e in events)
        codes = {e.trophy.code for e in events if isinstance(e, TrophyUnlocked) and e.user_id == 1}
        assert {"league_up", "league_podium"} <= codes
        assert await end_league_week(SqlGameUnitOfWork(sessions), groups, group, MONDAY, RULES) == []
        async with SqlGameUnitOfWork(sessions) as uow:
            assert await uow.leagues.leagues(group.id, [UserId(1), UserId(4)]) == {UserId(1): 1, UserId(4): 0}
            kept = await uow.leagues.week_results(group.id, MONDAY)
        assert [(league, p.place) for league, p in kept] == [(0, 1), (0, 2), (0, 3), (0, 4)]
        assert await leave_league(groups, "telegram", "-100", await _account(sessions, 1))
        async with SqlGameUnitOfWork(sessions) as uow:
            assert (await uow.leagues.leagues(group.id, [UserId(1)]))[UserId(1)] == 1  # kept for a return
    finally:
        await engine.dispose()
