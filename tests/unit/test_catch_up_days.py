"""Catching up a terminal user's days: the short first look changes no result, only the work done.

catch_up skips a person who cannot play yet and the meal-less days before their first closed day; whatever
the history, the days it closes end in the same stats as the pure fold over the look-back window.
"""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import UserAccount, UserId
from core.model.profile import Activity, GoalKind, Profile, Sex
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.rules.player import DayTally, PlayerStats, close
from core.services.catch_up_days import LOOK_BACK_DAYS, catch_up
from tests.fakes.gamification import GameStore, MemoryGameUnitOfWork
from tests.fakes.memory import FixedClock

RULES = GameRules()
PROFILE = Profile(Sex.FEMALE, 1990, 168.0, 70.0, Activity.LIGHT, GoalKind.LOSE, 0.5)
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # closable through 2026-03-19
LAST = date(2026, 3, 19)
FIRST = LAST - timedelta(days=LOOK_BACK_DAYS - 1)
TARGET = daily_target(PROFILE, 2026).kcal
SHARES = st.sampled_from([None, None, 0.5, 0.9, 1.0, 1.4])


def _store(profile: Profile, shares: list[float | None]) -> GameStore:
    store = GameStore()
    store.base.users[UserId(1)] = UserAccount(UserId(1), "Ana", profile, datetime(2026, 1, 1, tzinfo=UTC))
    for n, share in enumerate(shares):
        if share is not None:
            store.tallies[(UserId(1), FIRST + timedelta(days=n))] = DayTally(TARGET * share, 2)
    return store


def _fold(shares: list[float | None]) -> PlayerStats | None:
    stats: PlayerStats | None = None
    for n, share in enumerate(shares):
        tally = DayTally(TARGET * share, 2) if share is not None else DayTally()
        if stats is None and tally.meals == 0:
            continue
        stats = close(stats or PlayerStats(), FIRST + timedelta(days=n), tally, TARGET, RULES, 70.0, 168.0).stats
    return stats


def _catch_up(store: GameStore) -> list[object]:
    events = catch_up(lambda: MemoryGameUnitOfWork(store), FixedClock(NOW), RULES, UserId(1), "UTC")
    return list(asyncio.run(events))


@settings(max_examples=40, deadline=None)
@given(st.lists(SHARES, min_size=LOOK_BACK_DAYS, max_size=LOOK_BACK_DAYS))
def test_catching_up_equals_the_fold(shares: list[float | None]) -> None:
    store = _store(PROFILE, shares)
    _catch_up(store)
    assert store.stats.get(UserId(1)) == _fold(shares)
    assert _catch_up(store) == []  # a second look closes nothing more


def test_nothing_is_closed_for_a_person_who_cannot_play_yet() -> None:
    unfinished = dataclasses.replace(PROFILE, height_cm=None)
    store = _store(unfinished, [1.0] * LOOK_BACK_DAYS)
    assert _catch_up(store) == []
    assert UserId(1) not in store.stats
