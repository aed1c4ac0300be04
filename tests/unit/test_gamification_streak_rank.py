"""Streaks with freezes and the rank ladder, on worked examples and as properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.rules.day_result import DayResult
from core.rules.game_rules import GameRules
from core.rules.ranks import Tier, apply_rp, next_division_rp, rank_of, rp_change
from core.rules.streak import StreakState, apply_day

RULES = GameRules()
W, L, U, M = DayResult.WON, DayResult.LOST, DayResult.UNDER, DayResult.MISSED


def _run(days: str) -> list[StreakState]:
    code = {"W": W, "L": L, "U": U, "M": M}
    state, states = StreakState(), []
    for c in days:
        state = apply_day(state, code[c], RULES).state
        states.append(state)
    return states


def test_seven_wins_earn_a_freeze_that_saves_the_streak() -> None:
    states = _run("WWWWWWW" + "L" + "W")
    assert states[6] == StreakState(streak=7, best=7, freezes=1, won_run=7, non_won_run=0)
    assert states[7] == StreakState(streak=7, best=7, freezes=0, won_run=0, non_won_run=1)  # frozen, not broken
    assert states[8].streak == 8


def test_without_a_freeze_the_streak_breaks_and_best_is_kept() -> None:
    states = _run("WWWW" + "M" + "WW")
    assert (states[4].streak, states[4].best) == (0, 4)
    assert (states[6].streak, states[6].best) == (2, 4)


def test_at_most_two_freezes_are_held() -> None:
    states = _run("W" * 21)
    assert [states[n].freezes for n in (6, 13, 20)] == [1, 2, 2]


def test_a_frozen_day_restarts_the_run_towards_the_next_freeze() -> None:
    states = _run("W" * 7 + "U" + "W" * 6)
    assert states[-1].freezes == 0 and states[-1].streak == 13
    assert apply_day(states[-1], W, RULES).freeze_earned


def test_two_freezes_cover_two_bad_days_then_the_third_breaks() -> None:
    states = _run("W" * 14 + "LMU")
    assert [s.streak for s in states[-3:]] == [14, 14, 0]
    assert [s.freezes for s in states[-3:]] == [1, 0, 0]


def test_comeback_after_three_non_won_days() -> None:
    state = StreakState()
    for result in (M, L, U):
        state = apply_day(state, result, RULES).state
    step = apply_day(state, W, RULES)
    assert step.comeback
    assert not apply_day(_run("MMW")[-1], W, RULES).comeback


@given(st.lists(st.sampled_from([W, L, U, M]), max_size=120))
def test_freeze_accounting(results: list[DayResult]) -> None:
    state, earned, spent = StreakState(), 0, 0
    for result in results:
        step = apply_day(state, result, RULES)
        earned += step.freeze_earned
        spent += step.freeze_spent
        state = step.state
        assert 0 <= state.freezes <= RULES.max_freezes
        assert state.best >= state.streak >= 0
    assert state.freezes == earned - spent
    assert state.best == max(_streaks(results), default=0)


def _streaks(results: list[DayResult]) -> list[int]:
    """Streak lengths computed the slow way: wins counted, non-wins skipped while a freeze is left."""
    out, streak, freezes, run = [], 0, 0, 0
    for result in results:
        if result is W:
            streak, run = streak + 1, run + 1
            if run % 7 == 0 and freezes < 2:
                freezes += 1
        else:
            run = 0
            if freezes:
                freezes -= 1
            else:
                streak = 0
        out.append(streak)
    return out


def test_ladder_names_and_thresholds() -> None:
    assert rank_of(0, RULES).title == "Bronze III"
    assert rank_of(99, RULES).title == "Bronze III"
    assert rank_of(100, RULES).title == "Bronze II"
    assert rank_of(299, RULES).title == "Bronze I"
    assert rank_of(300, RULES).title == "Silver III"
    assert rank_of(1799, RULES).title == "Master I"
    assert rank_of(1800, RULES).title == "Legend" and rank_of(99999, RULES).tier is Tier.LEGEND
    assert next_division_rp(250, RULES) == 300 and next_division_rp(1900, RULES) is None


def test_rp_for_each_result_with_the_streak_bonus() -> None:
    assert [rp_change(r, 0, RULES) for r in (L, U, M)] == [-25, -10, -15]
    assert [rp_change(W, s, RULES) for s in (1, 4, 5, 12, 49, 50, 365)] == [20, 20, 21, 22, 29, 30, 30]


def test_promotion_grants_a_one_day_shield_that_stops_a_demotion() -> None:
    up = apply_rp(90, 0, 20, RULES)
    assert (up.rp, up.shield, up.promoted, up.after.title) == (110, 1, True, "Bronze II")
    shielded = apply_rp(up.rp, up.shield, -25, RULES)
    assert (shielded.rp, shielded.shield, shielded.shield_used, shielded.demoted) == (100, 0, True, False)
    unshielded = apply_rp(shielded.rp, shielded.shield, -25, RULES)
    assert (unshielded.rp, unshielded.demoted, unshielded.after.title) == (75, True, "Bronze III")


def test_shield_expires_after_a_day_that_did_not_need_it() -> None:
    up = apply_rp(290, 0, 20, RULES)  # Silver III with a shield
    calm = apply_rp(up.rp, up.shield, 20, RULES)
    assert calm.shield == 0 and not calm.shield_used
    fall = apply_rp(calm.rp, calm.shield, -25, RULES)
    assert fall.rp == 305 and not fall.demoted  # still above the floor: no shield needed


def test_rp_never_goes_below_zero() -> None:
    assert apply_rp(10, 0, -25, RULES).rp == 0
    assert apply_rp(0, 0, -15, RULES).delta == 0


def test_a_sequence_through_promotions_the_shield_and_the_bottom() -> None:
    rp, shield, seen = 0, 0, []
    for change in (-15, 20, 20, 20, 20, 20, 21, -25, -25, -10, -25, -25, -25, -25, -25):
        step = apply_rp(rp, shield, change, RULES)
        rp, shield = step.rp, step.shield
        seen.append((rp, step.after.title))
    assert seen[0] == (0, "Bronze III")
    assert seen[5] == (100, "Bronze II") and seen[6] == (121, "Bronze II")
    assert seen[7] == (96, "Bronze III")  # the shield from day 5 covered day 6 only
    assert [rp for rp, _ in seen[8:]] == [71, 61, 36, 11, 0, 0, 0]


@given(st.integers(0, 3000), st.integers(0, 1), st.sampled_from([W, L, U, M]), st.integers(0, 400))
def test_rp_bounds(rp: int, shield: int, result: DayResult, streak: int) -> None:
    step = apply_rp(rp, shield, rp_change(result, streak, RULES), RULES)
    assert step.rp >= 0
    assert abs(step.rp - rp) <= 30
    assert step.shield in (0, 1)
    if shield:
        assert step.after.step >= step.before.step
