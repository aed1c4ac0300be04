"""Differential property test: the set-based SQL close-out equals the Python rule book, for ANY valid rules.

Hypothesis draws a :class:`GameRules` (every number the close-out uses), a few users and a history of
days (missed, under, won, lost, exactly on either bound, meal kinds, weigh-ins, exercise for users who let it
raise their budget or not: the day is judged against core.rules.exercise_budget.day_budget). Every day is closed by
:class:`SqlBulkCloser` on a real database and by :func:`core.rules.player.close`; after each day the stored
day result, the whole ``user_stats`` row, the rank change and the trophies must equal the Python ones.
Runs on SQLite and PostgreSQL (``db_url``); the database is emptied before each example.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.profile import Activity, GoalKind, Profile, Sex
from core.rules.energy import daily_target
from core.rules.exercise_budget import day_budget
from core.rules.game_rules import GameRules
from core.rules.player import DayOutcome, DayTally, PlayerStats, close
from core.rules.trophies import newly_unlocked
from storage.engine import make_engine
from storage.exercise.tables import ExerciseRow, ExerciseSettingRow
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.tables import CloseoutRunRow, DayResultRow, RankHistoryRow, TrophyRow, UserStatsRow
from storage.models import MealItemRow, MealRow, UserRow, WeightRow
from tests.integration.gamification_world import add_meal, add_user, set_weight

KINDS = ("text", "photo", "voice", "barcode")
PLANS = ("missed", "under", "won", "won", "won", "lost", "at_top", "at_bottom")

rules_strategy = st.builds(
    GameRules,
    min_share=st.floats(0.0, 1.0),
    tolerance=st.floats(0.0, 1.0),
    freeze_every=st.integers(1, 8),
    max_freezes=st.integers(0, 3),
    rp_per_division=st.integers(1, 150),
    rp_won=st.integers(0, 40),
    rp_streak_step=st.integers(1, 8),
    rp_streak_bonus_max=st.integers(0, 15),
    rp_lost=st.integers(-60, 0),
    rp_under=st.integers(-60, 0),
    rp_missed=st.integers(-60, 0),
    shield_days=st.integers(0, 3),
)
profiles = st.builds(
    Profile,
    sex=st.sampled_from(list(Sex)),
    birth_year=st.integers(1940, 2008),
    height_cm=st.floats(140.0, 210.0).map(lambda h: round(h, 1)),
    weight_kg=st.floats(40.0, 160.0).map(lambda w: round(w, 1)),
    activity=st.sampled_from(list(Activity)),
    goal=st.sampled_from(list(GoalKind)),
    rate_kg_per_week=st.sampled_from((0.0, 0.25, 0.5, 1.0)),
)


@dataclass(frozen=True)
class UserDay:
    """What one user does on one day: a plan for the total, how many meals of which kinds, a weigh-in."""

    plan: str
    share: float
    kinds: tuple[str, ...]
    weigh_in: float | None
    exercise: tuple[int, ...] = ()  # whole net kcal of each exercise logged that day


user_days = st.builds(
    UserDay,
    plan=st.sampled_from(PLANS),
    share=st.floats(0.0, 1.0),
    kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=3).map(tuple),
    weigh_in=st.one_of(st.none(), st.none(), st.none(), st.floats(-12.0, 3.0).map(lambda d: round(d, 1))),
    exercise=st.one_of(st.just(()), st.lists(st.integers(0, 1500), min_size=1, max_size=3).map(tuple)),
)


@st.composite
def worlds(draw: st.DrawFn) -> tuple[GameRules, list[Profile], date, list[list[UserDay]], list[bool | None]]:
    """Rules, 1-3 users, a first day (any weekday: perfect weeks need Sundays), 1-12 days of doings, and each
    user's exercise setting (None: never chosen, so off)."""
    rules = draw(rules_strategy)
    users = draw(st.lists(profiles, min_size=1, max_size=3))
    counts = draw(st.lists(st.sampled_from((None, False, True, True)), min_size=len(users), max_size=len(users)))
    start = date(2026, 3, 2) + timedelta(days=draw(st.integers(0, 6)))
    days = draw(st.lists(st.lists(user_days, min_size=len(users), max_size=len(users)), min_size=1, max_size=12))
    return rules, users, start, days, counts


@dataclass
class Oracle:
    """One user as the Python rule book sees them."""

    profile: Profile
    exercise_counts: bool = False
    stats: PlayerStats = field(default_factory=PlayerStats)
    trophies: set[str] = field(default_factory=set)


def _total(doing: UserDay, target: int, rules: GameRules) -> float:
    """Total kcal of the day: inside, outside, or exactly on a bound of the won window."""
    low, high = target * rules.min_share, target * (1.0 + rules.tolerance)
    return {
        "missed": 0.0, "under": low * doing.share * 0.9, "won": low + (high - low) * doing.share,
        "lost": high * 1.05 + 1.0, "at_top": high, "at_bottom": low,
    }[doing.plan]  # fmt: skip


async def _empty(engine: AsyncEngine) -> None:
    tables = (TrophyRow, RankHistoryRow, DayResultRow, UserStatsRow, CloseoutRunRow, MealItemRow, MealRow, WeightRow,
              ExerciseRow, ExerciseSettingRow)  # fmt: skip
    async with engine.begin() as conn:
        for table in (*tables, UserRow):
            await conn.execute(delete(table))


async def _live_day(engine: AsyncEngine, oracles: list[Oracle], day: date, doings: list[UserDay], rules: GameRules
                    ) -> dict[int, DayOutcome]:  # fmt: skip
    """Store the day's meals and weigh-ins; close the day in Python for those the close-out will close."""
    outcomes = {}
    for user_id, (oracle, doing) in enumerate(zip(oracles, doings, strict=True), start=1):
        if doing.weigh_in is not None:
            weight = max(35.0, round((oracle.profile.weight_kg or 80.0) + doing.weigh_in, 1))
            oracle.profile = dataclasses.replace(oracle.profile, weight_kg=weight)
            await set_weight(engine, user_id, weight, day)
        for kcal in doing.exercise:
            await _add_exercise(engine, user_id, day, kcal)
        target = day_budget(daily_target(oracle.profile, day.year).kcal, sum(doing.exercise), oracle.exercise_counts)
        total = _total(doing, target, rules)
        tally = DayTally()
        if doing.plan != "missed":
            share = total / len(doing.kinds)
            for kind in doing.kinds:
                await add_meal(engine, user_id, day, [share], kind)
                kinds = {f"{kind}_meals": getattr(tally, f"{kind}_meals") + 1} if kind != "text" else {}
                tally = dataclasses.replace(tally, kcal=tally.kcal + share, meals=tally.meals + 1, **kinds)
        if tally.meals or oracle.stats.last_closed_day is not None:  # the close-out's "playing" users
            p = oracle.profile
            outcome = close(oracle.stats, day, tally, target, rules, p.weight_kg, p.height_cm)
            oracle.stats = outcome.stats
            outcomes[user_id] = outcome
    return outcomes


async def _add_exercise(engine: AsyncEngine, user_id: int, day: date, kcal: int) -> None:
    moment = datetime.combine(day, time(12), UTC)
    values = {"user_id": user_id, "activity": "running", "met": 8.0, "minutes": 30.0, "weight_kg": 70.0, "kcal": kcal}
    async with engine.begin() as conn:
        await conn.execute(insert(ExerciseRow).values(**values, logged_at=moment, local_day=day))


def _expected_row(outcome: DayOutcome) -> dict[str, Any]:
    s, step, rank = outcome.stats, outcome.streak, outcome.rank
    return {
        "result": outcome.result.value, "target_kcal": outcome.target_kcal, "meals": outcome.tally.meals,
        "photo_meals": outcome.tally.photo_meals, "voice_meals": outcome.tally.voice_meals,
        "barcode_meals": outcome.tally.barcode_meals, "streak": s.streak, "best_streak": s.best_streak,
        "freezes": s.freezes, "won_run": s.won_run, "non_won_run": s.non_won_run, "rp_before": rank.rp - rank.delta,
        "rp": rank.rp, "best_rp": s.best_rp, "shield": rank.shield, "step_before": rank.before.step,
        "step_after": rank.after.step, "comeback": int(step.comeback), "freeze_spent": int(step.freeze_spent),
        "won": int(outcome.result.value == "won"), "start_weight_kg": s.start_weight_kg,
        "start_bmi_distance": s.start_bmi_distance,
    }  # fmt: skip


async def _check_day(engine: AsyncEngine, oracles: list[Oracle], day: date, outcomes: dict[int, DayOutcome],
                     rules: GameRules) -> None:  # fmt: skip
    async with engine.connect() as conn:
        rows = {r.user_id: r for r in (await conn.execute(select(DayResultRow).where(DayResultRow.day == day)))}
        stats = {r.user_id: r for r in (await conn.execute(select(UserStatsRow)))}
        ranks = {r.user_id: r for r in (await conn.execute(select(RankHistoryRow).where(RankHistoryRow.day == day)))}
        trophies: dict[int, set[str]] = {}
        for user_id, code in await conn.execute(select(TrophyRow.user_id, TrophyRow.code)):
            trophies.setdefault(user_id, set()).add(code)
    assert set(rows) == set(outcomes), day
    for user_id, outcome in outcomes.items():
        row, expected = rows[user_id], _expected_row(outcome)
        assert {k: getattr(row, k) for k in expected} == expected, (day, user_id)
        assert abs(row.kcal - outcome.tally.kcal) < 1e-6
        moved = outcome.rank.after.step != outcome.rank.before.step
        assert (user_id in ranks) == moved, (day, user_id)
        if moved:
            assert (ranks[user_id].step_before, ranks[user_id].step_after) == (
                outcome.rank.before.step,
                outcome.rank.after.step,
            )
    for user_id, oracle in enumerate(oracles, start=1):
        if oracle.stats.last_closed_day is None:
            assert user_id not in stats
            continue
        stored = stats[user_id]
        for name in (f.name for f in dataclasses.fields(PlayerStats)):
            assert getattr(stored, name) == getattr(oracle.stats, name), (day, user_id, name)
        if user_id in outcomes:
            p = oracle.profile
            snapshot = oracle.stats.snapshot(p.weight_kg, p.height_cm)
            oracle.trophies |= {t.code for t in newly_unlocked(snapshot, oracle.trophies, rules)}
        assert trophies.get(user_id, set()) == oracle.trophies, (day, user_id)


async def _run_world(
    url: str, world: tuple[GameRules, list[Profile], date, list[list[UserDay]], list[bool | None]]
) -> None:
    rules, users, start, days, counts = world
    engine = make_engine(url)
    try:
        await _empty(engine)
        oracles = [Oracle(profile, bool(on)) for profile, on in zip(users, counts, strict=True)]
        for user_id, (profile, on) in enumerate(zip(users, counts, strict=True), start=1):
            await add_user(engine, user_id, profile)
            if on is not None:
                async with engine.begin() as conn:
                    await conn.execute(insert(ExerciseSettingRow).values(user_id=user_id, raises_budget=on))
        closer = SqlBulkCloser(engine, rules, workers=2)
        for offset, doings in enumerate(days):
            day = start + timedelta(days=offset)
            outcomes = await _live_day(engine, oracles, day, doings, rules)
            await closer.close_out(day, None)
            await _check_day(engine, oracles, day, outcomes, rules)
    finally:
        await engine.dispose()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(world=worlds())
def test_sql_close_out_equals_python_rules_for_any_rules(db_url: str, world: Any) -> None:
    asyncio.run(_run_world(db_url, world))
