"""Weekly league movements: shares, small leagues, ties, top and bottom leagues, finished weeks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.model import UserId
from core.rules.game_rules import GameRules
from core.rules.leagues import (
    Movement,
    Standing,
    end_week,
    finished_week_start,
    is_podium,
    league_name,
    movement_counts,
)

RULES = GameRules()


def _standings(*rps: int) -> list[Standing]:
    return [Standing(UserId(n + 1), rp) for n, rp in enumerate(rps)]


@pytest.mark.parametrize(
    ("members", "counts"),
    [(1, (0, 0)), (2, (0, 0)), (3, (1, 1)), (5, (1, 1)), (10, (2, 2)), (14, (2, 2)), (15, (3, 3))],
)
def test_movement_counts(members: int, counts: tuple[int, int]) -> None:
    assert movement_counts(members, RULES) == counts


def test_three_members_one_up_one_stays_one_down() -> None:
    placed = end_week(2, _standings(40, 90, 10), RULES)
    assert [(int(p.user_id), p.place, p.movement, p.league_after) for p in placed] == [
        (2, 1, Movement.UP, 3),
        (1, 2, Movement.STAY, 2),
        (3, 3, Movement.DOWN, 1),
    ]


def test_top_league_cannot_rise_and_bottom_league_cannot_fall() -> None:
    top = end_week(RULES.league_count - 1, _standings(50, 40, 30), RULES)
    assert top[0].movement is Movement.STAY and top[-1].movement is Movement.DOWN
    bottom = end_week(0, _standings(50, 40, 30), RULES)
    assert bottom[0].movement is Movement.UP and bottom[-1].movement is Movement.STAY


def test_ties_break_on_total_rp_then_user_id() -> None:
    standings = [Standing(UserId(7), 20, 100), Standing(UserId(3), 20, 500), Standing(UserId(5), 20, 100)]
    assert [int(p.user_id) for p in end_week(1, standings, RULES)] == [3, 5, 7]


def test_shares_are_settings() -> None:
    generous = GameRules(league_up_share=0.5, league_down_share=0.0)
    assert movement_counts(10, generous) == (5, 0)
    assert movement_counts(3, generous) == (1, 0)


@given(st.lists(st.integers(-100, 300), max_size=40), st.integers(0, 4))
def test_movements_are_consistent(rps: list[int], league: int) -> None:
    placed = end_week(league, _standings(*rps), RULES)
    ups = [p for p in placed if p.movement is Movement.UP]
    downs = [p for p in placed if p.movement is Movement.DOWN]
    assert len(ups) + len(downs) < max(len(placed), 1)
    assert all(0 <= p.league_after < RULES.league_count for p in placed)
    if ups and downs:
        assert min(p.week_rp for p in ups) >= max(p.week_rp for p in downs)
    assert [p.place for p in placed] == list(range(1, len(placed) + 1))


def test_finished_week_and_podium_and_names() -> None:
    assert finished_week_start(date(2026, 3, 8)) == date(2026, 3, 2)  # Sunday closed: that week is done
    assert finished_week_start(date(2026, 3, 7)) == date(2026, 2, 23)  # Saturday: the week before
    assert is_podium(3, 3, RULES) and not is_podium(2, 2, RULES) and not is_podium(4, 9, RULES)
    assert league_name(0) == "Sprout" and league_name(20) == "League 21"
