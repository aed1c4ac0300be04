"""The group board of the week: ranking by weekly RP, the week's bounds, the group's day, and its wording."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bots.common.board_text import group_board_text
from core.errors import WinStreakError
from core.model import UserId
from core.model.group import GroupMember
from core.model.notifications import BoardLine
from core.rules.game_rules import GameRules
from core.rules.leagues import Standing, ordered
from core.rules.player import DayTally, PlayerStats, close
from core.services.group_leaderboard import group_leaderboard, rank_board, week_board
from tests.fakes.gamification import GameStore, MemoryGameUnitOfWork
from tests.fakes.groups import MemoryGroups
from tests.fakes.memory import FixedClock

RULES = GameRules()
MONDAY = date(2026, 3, 2)
TARGET = 2000


def play(store: GameStore, user: int, first: date, shares: list[float]) -> None:
    """Close consecutive days for ``user`` from ``first``: a share of the target eaten each day (0: nothing)."""
    stats = store.stats.get(UserId(user), PlayerStats())
    for n, share in enumerate(shares):
        tally = DayTally(TARGET * share, 1 if share else 0)
        outcome = close(stats, first + timedelta(days=n), tally, TARGET, RULES)
        store.days[(UserId(user), outcome.day)] = outcome
        stats = outcome.stats
    store.stats[UserId(user)] = stats


def members(*names: str) -> list[GroupMember]:
    return [GroupMember(UserId(n), name) for n, name in enumerate(names, start=1)]


def test_rank_board_orders_by_week_rp_then_total_rp_then_account() -> None:
    people = members("dana", "Cleo", "bob", "Ada", "eli", "fay")
    earned = {
        UserId(1): (40, 90), UserId(2): (40, 300), UserId(3): (-15, 10), UserId(4): (20, 20), UserId(6): (20, 20),
    }  # fmt: skip
    streaks = {UserId(1): 5, UserId(2): 2, UserId(4): 1}
    board = rank_board(people, earned, streaks, {UserId(2): 1})
    assert [(b.place, b.nickname, b.week_rp, b.streak, b.rp, b.league) for b in board] == [
        (1, "Cleo", 40, 2, 300, 1),  # more total RP breaks the tie, whatever the streak
        (2, "dana", 40, 5, 90, 0),
        (3, "Ada", 20, 1, 20, 0),  # the earlier account (id 4 before 6) breaks a full tie
        (4, "fay", 20, 0, 20, 0),
        (5, "eli", 0, 0, 0, 0),  # no closed day yet: nothing earned, above a losing week
        (6, "bob", -15, 0, 10, 0),
    ]


@given(st.lists(st.tuples(st.integers(-100, 100), st.integers(0, 3000), st.integers(0, 30)), max_size=12))
def test_rank_board_is_the_league_order_whatever_the_ties(rows: list[tuple[int, int, int]]) -> None:
    people = [GroupMember(UserId(n), f"m{n}") for n in range(len(rows))]
    earned = {UserId(n): (week, total) for n, (week, total, _) in enumerate(rows)}
    streaks = {UserId(n): streak for n, (_, _, streak) in enumerate(rows)}
    board = rank_board(people, earned, streaks, {})
    assert [b.place for b in board] == list(range(1, len(rows) + 1))
    standings = [Standing(UserId(n), week, total) for n, (week, total, _) in enumerate(rows)]
    assert [b.nickname for b in board] == [f"m{int(s.user_id)}" for s in ordered(standings)]
    assert rank_board(list(reversed(people)), earned, streaks, {}) == board


async def test_week_board_counts_closed_days_from_monday_to_the_day() -> None:
    store, groups = GameStore(), MemoryGroups()
    group = await groups.create("telegram", "-1", "Team", "UTC")
    for member in members("Ada", "Bob", "Cleo"):
        await groups.add_member(group.id, member)
    play(store, 1, MONDAY - timedelta(days=3), [0.8, 0.8, 0.8, 0.8, 0.8, 0.8])  # Fri..Wed: 3 days before Monday
    play(store, 2, MONDAY, [0.8, 0.8, 0.8, 1.5])  # Thursday is after the board's day
    store.leagues[(group.id, UserId(2))] = 2
    board = await week_board(MemoryGameUnitOfWork(store), groups, group.id, MONDAY + timedelta(days=2))
    ada, bob = store.stats[UserId(1)], store.stats[UserId(2)]
    week_of = {(u, d): o.rank.delta for (u, d), o in store.days.items() if MONDAY <= d <= MONDAY + timedelta(days=2)}
    assert [(b.nickname, b.week_rp, b.streak, b.rp, b.league) for b in board] == [
        ("Ada", sum(v for (u, _), v in week_of.items() if u == 1), ada.streak, ada.rp, 0),
        ("Bob", sum(v for (u, _), v in week_of.items() if u == 2), bob.streak, bob.rp, 2),
        ("Cleo", 0, 0, 0, 0),
    ]
    assert board[0].week_rp > board[1].week_rp > 0  # Ada's streak bonus is bigger; Bob's lost Thursday not counted
    assert await week_board(MemoryGameUnitOfWork(store), groups, 99, MONDAY) == []


async def test_leaderboard_uses_the_groups_day_and_needs_a_set_up_group() -> None:
    store, groups = GameStore(), MemoryGroups()
    clock = FixedClock(datetime(2026, 3, 8, 23, 30, tzinfo=UTC))  # Sunday night in UTC, Monday in Paris
    with pytest.raises(WinStreakError, match="not in the leagues yet"):
        await group_leaderboard(MemoryGameUnitOfWork(store), clock, groups, "telegram", "-1")
    group = await groups.create("telegram", "-1", "Team", "Europe/Paris")
    await groups.add_member(group.id, GroupMember(UserId(1), "Ada"))
    play(store, 1, MONDAY, [0.8] * 7)
    day, board = await group_leaderboard(MemoryGameUnitOfWork(store), clock, groups, "telegram", "-1")
    assert day == date(2026, 3, 9) and board[0].week_rp == 0  # a new week: last week's RP does not count
    clock.advance(hours=-1)
    day, board = await group_leaderboard(MemoryGameUnitOfWork(store), clock, groups, "telegram", "-1")
    assert day == date(2026, 3, 8) and board[0].week_rp == store.stats[UserId(1)].rp


def line(place: int, name: str, week_rp: int, league: int = 0) -> BoardLine:
    return BoardLine(place, name, week_rp, streak=3, rp=350, league=league)


def test_board_text_shows_points_streak_rank_and_league_only_when_several() -> None:
    one = group_board_text("en", MONDAY, [line(1, "Ada", 45), line(2, "Bob", -10)], RULES)
    assert one.splitlines() == [
        "🏆 Leaderboard of the week, 2026-03-02",
        "1. Ada — 45 pts · 🔥 3 · Silver III",
        "2. Bob — -10 pts · 🔥 3 · Silver III",
    ]
    two = group_board_text("en", MONDAY, [line(1, "Ada", 45, league=1), line(2, "Bob", 5)], RULES)
    assert two.splitlines()[1:] == [
        "1. Ada — 45 pts · 🔥 3 · Silver III · Sapling league",
        "2. Bob — 5 pts · 🔥 3 · Silver III · Sprout league",
    ]
    assert "ligue Jeune pousse" in group_board_text("fr", MONDAY, [line(1, "Ada", 45, 1), line(2, "Bob", 5)], RULES)


def test_board_text_when_empty_without_points_and_when_long() -> None:
    assert group_board_text("en", MONDAY, [], RULES).splitlines()[1] == "Nobody has joined yet: send /join to play."
    waiting = group_board_text("en", MONDAY, [line(1, "Ada", 0), line(2, "Bob", 0)], RULES).splitlines()
    assert waiting[-1].startswith("No points yet this week") and len(waiting) == 4
    many = group_board_text("en", MONDAY, [line(n, f"p{n}", 50 - n) for n in range(1, 26)], RULES).splitlines()
    assert many[20].startswith("20. p20 — 30 pts") and many[21] == "… and 5 more" and len(many) == 22
    assert group_board_text("fr", MONDAY, [line(1, "Ada", 0)], RULES).splitlines()[-1].startswith("Pas encore")
