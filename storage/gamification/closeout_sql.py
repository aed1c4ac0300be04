"""The SQL of the set-based close-out: the rule book of core.rules.player written as set operations.

Step 1 (:func:`results_insert`) adds up the day's meals per user (from each meal's stored total, so
only the day's meals are read), judges the day against the target plus the exercise allowance of users who
turned it on (core.rules.exercise_budget; the day's ``target_kcal`` is that budget), classifies the day of
every playing user and computes the state after
it into ``day_results`` (one row per user and day: the primary key makes it exactly once). Step 2
(:func:`stats_upsert`) copies that state into ``user_stats`` where it is not applied yet. Steps 3 and 4
add rank changes and trophies. Every step is idempotent, so re-running a half-done close-out finishes
it. Step 1's structure comes from the same definitions as the Python rules (result values, which setting
is each result's penalty, the streak and rank constants) and every rule number is a bound parameter read
from :class:`GameRules` (:func:`rule_params`), as are the day and its weekday. The first layers of step 1
are MATERIALIZED CTEs: flattened, they would repeat the target formula hundreds of times per row.
tests/integration/test_closeout_differential.py proves the SQL equal to core.rules for random rules.
"""

from __future__ import annotations

from core.rules.day_result import EPSILON_KCAL, DayResult
from core.rules.exercise_budget import CAP_KCAL, SHARE_PERCENT
from core.rules.game_rules import GameRules
from core.rules.player import PERFECT_WEEK_DAYS
from core.rules.ranks import LEGEND_STEP, PENALTIES
from core.rules.streak import COMEBACK_AFTER
from storage.gamification.target_sql import PROFILE_COMPLETE, bmi_distance_sql, target_sql

KIND_COLUMNS = {"photo": "photo_meals", "voice": "voice_meals", "barcode": "barcode_meals"}


LAYERS = ("day_meals", "day_exercise", "players", "classified", "streaked", "ranked")
MATERIALIZED = frozenset(LAYERS[:4])
"""Layers computed once: flattened, the later ones would repeat the target formula hundreds of times per row."""


def _max(a: str, b: str) -> str:
    return f"(CASE WHEN {a} > {b} THEN {a} ELSE {b} END)"


def _min(a: str, b: str) -> str:
    return f"(CASE WHEN {a} < {b} THEN {a} ELSE {b} END)"


def tally_sql(where: str) -> str:
    """Per-user totals of the meals matching ``where`` (over ``meals m``), from the meals' stored totals.

    Each meal keeps the sum of its items (``meals.kcal``, written with them), so the day's meals are
    read through the day index: the cost follows the day's meals, not the whole history of items.
    """
    kinds = ", ".join(
        f"SUM(CASE WHEN m.input_kind = '{kind}' THEN 1 ELSE 0 END) AS {column}" for kind, column in KIND_COLUMNS.items()
    )
    totals = f"m.user_id, COUNT(*) AS meals, SUM(m.kcal) AS kcal, {kinds}"
    return f"SELECT {totals} FROM meals m WHERE {where} GROUP BY m.user_id"


STATE = ("streak", "best_streak", "freezes", "won_run", "non_won_run", "rp", "best_rp", "shield")
COUNTERS = {
    "won_days": "won", "perfect_weeks": "perfect_week", "comebacks": "comeback", "freezes_used": "freeze_spent",
    "meals": "meals", "photo_meals": "photo_meals", "voice_meals": "voice_meals", "barcode_meals": "barcode_meals",
}  # fmt: skip


def day_tally(zone_filter: str, part: str) -> str:
    """The day's per-user meal totals for users in the zones (``u``) and slice (``m.user_id``) given."""
    where = f"m.local_day = :day {part}"
    if zone_filter:
        where += f" AND m.user_id IN (SELECT u.id FROM users u WHERE 1 = 1 {zone_filter})"
    return tally_sql(where)


def exercise_tally(part: str) -> str:
    """The day's net exercise kcal per user (whole kcal, summed as integers), for the exercise allowance."""
    return f"SELECT x.user_id, SUM(x.kcal) AS kcal FROM exercises x WHERE x.local_day = :day {part} GROUP BY x.user_id"


def exercise_allowance_sql() -> str:
    """core.rules.exercise_budget.exercise_allowance in SQL: integer share of the day's exercise, capped, if on."""
    kcal = "COALESCE(day_exercise.kcal, 0)"
    share = f"{kcal} * {_int('exercise_share_percent')} / 100"
    return (
        f"(CASE WHEN es.raises_budget = :exercise_on AND {kcal} > 0"
        f" THEN {_min(share, _int('exercise_cap'))} ELSE 0 END)"
    )


def rule_params(rules: GameRules, sunday: bool) -> dict[str, int | float]:
    """The numbers :func:`results_insert` binds: every one read from ``rules`` or a core.rules constant."""
    penalties = {field: int(getattr(rules, field)) for field in PENALTIES.values()}
    return {
        "win_factor": 1.0 + rules.tolerance, "min_share": rules.min_share, "epsilon": EPSILON_KCAL,
        "freeze_every": rules.freeze_every, "max_freezes": rules.max_freezes, "comeback_after": COMEBACK_AFTER,
        "rp_per_division": rules.rp_per_division, "legend_step": LEGEND_STEP, "rp_won": rules.rp_won,
        "rp_streak_step": rules.rp_streak_step, "rp_streak_bonus_max": rules.rp_streak_bonus_max, **penalties,
        "shield_days": rules.shield_days, "perfect_week_days": PERFECT_WEEK_DAYS, "sunday": int(sunday),
        "exercise_share_percent": SHARE_PERCENT, "exercise_cap": CAP_KCAL, "exercise_on": True,
    }  # fmt: skip


def _int(name: str) -> str:
    return f"CAST(:{name} AS INTEGER)"


def _double(name: str) -> str:
    return f"CAST(:{name} AS DOUBLE PRECISION)"


def results_insert(year: int, dialect: str, zone_filter: str, index: int = 0, count: int = 1) -> str:
    """INSERT … SELECT of the day's results for every playing user whose stats are before the day.

    The rule numbers are bound parameters (:func:`rule_params`), so one statement serves any rules.
    ``index`` of ``count`` restricts it to one slice of users (user id modulo ``count``), for parallel workers.
    Each layer is a CTE named for what it adds: the day's meals, the players with their state before the
    day, the classified day, the streak after it, the RP after it.
    """
    part = user_slice("u.id", index, count)
    players = (
        "SELECT u.id AS user_id, COALESCE(day_meals.meals, 0) AS meals, COALESCE(day_meals.kcal, 0) AS kcal,"
        + "".join(f" COALESCE(day_meals.{c}, 0) AS {c}," for c in KIND_COLUMNS.values())
        + f" ({target_sql('u', year, dialect)}) + {exercise_allowance_sql()} AS target,"
        " COALESCE(s.streak, 0) AS streak, COALESCE(s.best_streak, 0) AS best_streak,"
        " COALESCE(s.freezes, 0) AS freezes, COALESCE(s.won_run, 0) AS won_run,"
        " COALESCE(s.non_won_run, 0) AS non_won_run, COALESCE(s.rp, 0) AS rp, COALESCE(s.best_rp, 0) AS best_rp,"
        " COALESCE(s.shield, 0) AS shield,"
        f" {', '.join(f'COALESCE(s.{c}, 0) AS prev_{c}' for c in COUNTERS)},"
        f" COALESCE(s.start_weight_kg, u.weight_kg) AS start_weight_kg,"
        f" COALESCE(s.start_bmi_distance, {bmi_distance_sql('u')}) AS start_bmi_distance"
        " FROM users u LEFT JOIN user_stats s ON s.user_id = u.id"
        " LEFT JOIN day_meals ON day_meals.user_id = u.id"
        " LEFT JOIN day_exercise ON day_exercise.user_id = u.id LEFT JOIN exercise_settings es ON es.user_id = u.id"
        f" WHERE u.active = :active AND {PROFILE_COMPLETE} {zone_filter} {part}"
        " AND (s.last_closed_day IS NOT NULL OR day_meals.user_id IS NOT NULL)"
        " AND (s.last_closed_day IS NULL OR s.last_closed_day < :day)"
    )
    p = "players"
    result = (
        f"CASE WHEN {p}.meals = 0 THEN '{DayResult.MISSED.value}'"
        f" WHEN {p}.kcal > {p}.target * {_double('win_factor')} + {_double('epsilon')} THEN '{DayResult.LOST.value}'"
        f" WHEN {p}.kcal < {p}.target * {_double('min_share')} - {_double('epsilon')} THEN '{DayResult.UNDER.value}'"
        f" ELSE '{DayResult.WON.value}' END"
    )
    classified = f"SELECT {p}.*, {result} AS result FROM {p}"
    c = "classified"
    won = f"{c}.result = '{DayResult.WON.value}'"
    earned = (
        f"(CASE WHEN {won} AND ({c}.won_run + 1) % {_int('freeze_every')} = 0"
        f" AND {c}.freezes < {_int('max_freezes')} THEN 1 ELSE 0 END)"
    )
    per_division = _int("rp_per_division")
    streaked = (
        f"SELECT {c}.*, CASE WHEN {won} THEN 1 ELSE 0 END AS won,"
        f" CASE WHEN {won} THEN {c}.streak + 1 WHEN {c}.freezes > 0 THEN {c}.streak ELSE 0 END AS streak_after,"
        f" CASE WHEN {won} THEN {c}.freezes + {earned} WHEN {c}.freezes > 0 THEN {c}.freezes - 1 ELSE 0 END"
        " AS freezes_after,"
        f" CASE WHEN {won} THEN {c}.won_run + 1 ELSE 0 END AS won_run_after,"
        f" CASE WHEN {won} THEN 0 ELSE {c}.non_won_run + 1 END AS non_won_run_after,"
        f" CASE WHEN {won} AND {c}.non_won_run >= {_int('comeback_after')} THEN 1 ELSE 0 END AS comeback,"
        f" CASE WHEN NOT ({won}) AND {c}.freezes > 0 THEN 1 ELSE 0 END AS freeze_spent,"
        f" {_min(f'{c}.rp / {per_division}', _int('legend_step'))} AS step_before"
        f" FROM {c}"
    )
    st = "streaked"
    bonus = _min(f"{st}.streak_after / {_int('rp_streak_step')}", _int("rp_streak_bonus_max"))
    penalties = " ".join(f"WHEN '{r.value}' THEN {_int(field)}" for r, field in PENALTIES.items())
    change = f"CASE {st}.result WHEN '{DayResult.WON.value}' THEN {_int('rp_won')} + {bonus} {penalties} END"
    raw = _max(f"{st}.rp + {change}", "0")
    floor = f"{st}.step_before * {per_division}"
    ranked = (
        f"SELECT {st}.*, CASE WHEN {st}.shield > 0 AND {raw} < {floor} THEN 1 ELSE 0 END AS shield_used,"
        f" CASE WHEN {st}.shield > 0 AND {raw} < {floor} THEN {floor} ELSE {raw} END AS rp_after FROM {st}"
    )
    r = "ranked"
    step_after = _min(f"{r}.rp_after / {per_division}", _int("legend_step"))
    shield_after = (
        f"CASE WHEN {step_after} > {r}.step_before THEN {_int('shield_days')} WHEN {r}.shield_used = 1 THEN 0"
        f" ELSE {_max(f'{r}.shield - 1', '0')} END"
    )
    perfect = (
        f"CASE WHEN {r}.won = 1 AND {r}.won_run_after >= {_int('perfect_week_days')}"
        f" AND {_int('sunday')} = 1 THEN 1 ELSE 0 END"
    )
    increments = {**{col: f"{r}.{inc}" for col, inc in COUNTERS.items()}, "perfect_weeks": perfect}
    totals = ", ".join(f"{r}.prev_{col} + {increments[col]}" for col in COUNTERS)
    tally = day_tally(zone_filter, user_slice("m.user_id", index, count))
    exercise = exercise_tally(user_slice("x.user_id", index, count))
    layers = ", ".join(
        f"{name} AS {'MATERIALIZED' if name in MATERIALIZED else 'NOT MATERIALIZED'} ({sql})"
        for name, sql in zip(LAYERS, (tally, exercise, players, classified, streaked, ranked), strict=True)
    )
    return (
        f"WITH {layers} "
        "INSERT INTO day_results (user_id, day, result, kcal, target_kcal, meals, photo_meals, voice_meals,"
        " barcode_meals, streak, best_streak, freezes, won_run, non_won_run, rp_before, rp, best_rp, shield,"
        " step_before, step_after, won, perfect_week, comeback, freeze_spent, start_weight_kg, start_bmi_distance,"
        f" {', '.join(f'total_{col}' for col in COUNTERS)})"
        f" SELECT {r}.user_id, :day, {r}.result, {r}.kcal, {r}.target, {r}.meals, {r}.photo_meals, {r}.voice_meals,"
        f" {r}.barcode_meals, {r}.streak_after, {_max(f'{r}.best_streak', f'{r}.streak_after')}, {r}.freezes_after,"
        f" {r}.won_run_after, {r}.non_won_run_after, {r}.rp, {r}.rp_after, {_max(f'{r}.best_rp', f'{r}.rp_after')},"
        f" {shield_after}, {r}.step_before, {step_after}, {r}.won, {perfect}, {r}.comeback, {r}.freeze_spent,"
        f" {r}.start_weight_kg, {r}.start_bmi_distance, {totals}"
        f" FROM {r} WHERE 1 = 1 ON CONFLICT (user_id, day) DO NOTHING"
    )


def stats_upsert(part: str = "") -> str:
    """Copy the state after the day into ``user_stats``; the WHERE skips users already at or past the day."""
    columns = ["user_id", "last_closed_day", *STATE, *COUNTERS, "start_weight_kg", "start_bmi_distance"]
    values = ["d.user_id", "d.day", *(f"d.{c}" for c in STATE), *(f"d.total_{c}" for c in COUNTERS)]
    values += ["d.start_weight_kg", "d.start_bmi_distance"]
    sets = [f"{c} = excluded.{c}" for c in columns[1:]]
    return (
        f"INSERT INTO user_stats ({', '.join(columns)}, league_promotions, league_podiums)"
        f" SELECT {', '.join(values)}, 0, 0 FROM day_results d WHERE d.day = :day {part}"
        f" ON CONFLICT (user_id) DO UPDATE SET {', '.join(sets)}"
        " WHERE user_stats.last_closed_day IS NULL OR user_stats.last_closed_day < excluded.last_closed_day"
    )


def rank_history(part: str = "") -> str:
    """Division changes of the day into ``rank_history`` (``part`` filters ``day_results d``)."""
    return (
        "INSERT INTO rank_history (user_id, day, step_before, step_after, rp)"
        " SELECT d.user_id, d.day, d.step_before, d.step_after, d.rp FROM day_results d"
        f" WHERE d.day = :day AND d.step_after <> d.step_before {part} ON CONFLICT (user_id, day) DO NOTHING"
    )


def user_slice(column: str, index: int, count: int) -> str:
    """The SQL filter of slice ``index`` of ``count`` over a user-id column ("" for a single slice)."""
    return "" if count <= 1 else f"AND {column} % {count} = {index}"
