"""Closing a user's day through the use case: idempotent whatever the repetitions, equal to the pure fold."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from core.events import DayClosed, TrophyUnlocked
from core.model import UserAccount, UserId
from core.model.profile import Activity, GoalKind, Profile, Sex
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.rules.player import DayTally, PlayerStats, close
from core.services.close_user_day import close_user_day
from tests.fakes.gamification import GameStore, MemoryGameUnitOfWork

RULES = GameRules()
PROFILE = Profile(Sex.FEMALE, 1990, 168.0, 70.0, Activity.LIGHT, GoalKind.LOSE, 0.5)
START = date(2026, 3, 2)
TARGET = daily_target(PROFILE, 2026).kcal
SHARES = st.sampled_from([None, 0.3, 0.7, 0.95, 1.0, 1.3])


def _store(shares: list[float | None]) -> GameStore:
    store = GameStore()
    store.base.users[UserId(1)] = UserAccount(UserId(1), "Ana", PROFILE, datetime(2026, 1, 1, tzinfo=UTC))
    for n, share in enumerate(shares):
        if share is not None:
            store.tallies[(UserId(1), START + timedelta(days=n))] = DayTally(TARGET * share, 2)
    return store


def _fold(shares: list[float | None]) -> PlayerStats:
    stats = PlayerStats()
    for n, share in enumerate(shares):
        tally = DayTally(TARGET * share, 2) if share is not None else DayTally()
        if stats.last_closed_day is None and tally.meals == 0:
            continue
        stats = close(stats, START + timedelta(days=n), tally, TARGET, RULES, 70.0, 168.0).stats
    return stats


@settings(max_examples=40, deadline=None)
@given(st.lists(SHARES, min_size=1, max_size=25), st.lists(st.integers(0, 24), max_size=15))
def test_closing_again_changes_nothing(shares: list[float | None], replays: list[int]) -> None:
    store = _store(shares)

    async def run() -> list[object]:
        events: list[object] = []
        for n in range(len(shares)):
            day = START + timedelta(days=n)
            events += await close_user_day(MemoryGameUnitOfWork(store), UserId(1), day, RULES)
            for again in replays:  # re-close this day and any earlier one: never counted twice
                if again <= n:
                    replay = START + timedelta(days=again)
                    assert await close_user_day(MemoryGameUnitOfWork(store), UserId(1), replay, RULES) == []
        return events

    events = asyncio.run(run())
    expected = _fold(shares)
    assert store.stats.get(UserId(1), PlayerStats()) == expected
    closed = [e for e in events if isinstance(e, DayClosed)]
    assert len(closed) == len({e.outcome.day for e in closed}) == len(store.days)
    codes = [e.trophy.code for e in events if isinstance(e, TrophyUnlocked)]
    assert len(codes) == len(set(codes)) == len(store.trophies)
