"""The SQL of the set-based close-out: the rule book of core.rules.player written as set operations.

Step 1 (:func:`results_insert`) adds up the day's meals per user (from each meal's stored total, so
only the day's meals are read), classifies the day of every playing user and computes the state after
it into ``day_results`` (one row per user and day: the primary key makes it exactly once). Step 2
(:func:`stats_upsert`) copies that state into ``user_stats`` where it is not applied yet. Steps 3 and 4
add rank changes and trophies. Every step is idempotent, so re-running a half-done close-out finishes
it. Rule numbers come from a validated :class:`GameRules` and are inlined as literals; the day is
bound. The first layers of step 1 are MATERIALIZED CTEs: flattened, they would repeat the target
formula hundreds of times per row.
"""

from __future__ import annotations

from core.rules.day_result import EPSILON_KCAL, DayResult
from core.rules.game_rules import GameRules
from core.rules.ranks import LEGEND_STEP
from core.rules.streak import COMEBACK_AFTER
from storage.gamification.target_sql import PROFILE_COMPLETE, bmi_distance_sql, num, target_sql

KIND_COLUMNS = {"photo": "photo_meals", "voice": "voice_meals", "barcode": "barcode_meals"}


MATERIALIZED_LAYERS = "abc"


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


def results_insert(
    rules: GameRules, year: int, sunday: bool, dialect: str, zone_filter: str, index: int = 0, count: int = 1
) -> str:
    """INSERT … SELECT of the day's results for every playing user whose stats are before the day.

    ``index`` of ``count`` restricts it to one slice of users (user id modulo ``count``), for parallel workers.
    """
    r = rules
    part = user_slice("u.id", index, count)
    base = (
        "SELECT u.id AS user_id, COALESCE(a.meals, 0) AS meals, COALESCE(a.kcal, 0) AS kcal,"
        " COALESCE(a.photo_meals, 0) AS photo_meals, COALESCE(a.voice_meals, 0) AS voice_meals,"
        " COALESCE(a.barcode_meals, 0) AS barcode_meals,"
        f" {target_sql('u', year, dialect)} AS target,"
        " COALESCE(s.streak, 0) AS streak, COALESCE(s.best_streak, 0) AS best_streak,"
        " COALESCE(s.freezes, 0) AS freezes, COALESCE(s.won_run, 0) AS won_run,"
        " COALESCE(s.non_won_run, 0) AS non_won_run, COALESCE(s.rp, 0) AS rp, COALESCE(s.best_rp, 0) AS best_rp,"
        " COALESCE(s.shield, 0) AS shield,"
        f" {', '.join(f'COALESCE(s.{c}, 0) AS prev_{c}' for c in COUNTERS)},"
        f" COALESCE(s.start_weight_kg, u.weight_kg) AS start_weight_kg,"
        f" COALESCE(s.start_bmi_distance, {bmi_distance_sql('u')}) AS start_bmi_distance"
        " FROM users u LEFT JOIN user_stats s ON s.user_id = u.id"
        " LEFT JOIN a ON a.user_id = u.id"
        f" WHERE u.active = :active AND {PROFILE_COMPLETE} {zone_filter} {part}"
        " AND (s.last_closed_day IS NOT NULL OR a.user_id IS NOT NULL)"
        " AND (s.last_closed_day IS NULL OR s.last_closed_day < :day)"
    )
    result = (
        f"CASE WHEN b.meals = 0 THEN '{DayResult.MISSED.value}'"
        f" WHEN b.kcal > b.target * {num(1.0 + r.tolerance)} + {num(EPSILON_KCAL)} THEN '{DayResult.LOST.value}'"
        f" WHEN b.kcal < b.target * {num(r.min_share)} - {num(EPSILON_KCAL)} THEN '{DayResult.UNDER.value}'"
        f" ELSE '{DayResult.WON.value}' END"
    )
    classified = f"SELECT b.*, {result} AS result FROM b"
    won = f"c.result = '{DayResult.WON.value}'"
    earned = (
        f"(CASE WHEN {won} AND (c.won_run + 1) % {r.freeze_every} = 0 AND c.freezes < {r.max_freezes}"
        " THEN 1 ELSE 0 END)"
    )
    streaked = (
        f"SELECT c.*, CASE WHEN {won} THEN 1 ELSE 0 END AS won,"
        f" CASE WHEN {won} THEN c.streak + 1 WHEN c.freezes > 0 THEN c.streak ELSE 0 END AS streak2,"
        f" CASE WHEN {won} THEN c.freezes + {earned} WHEN c.freezes > 0 THEN c.freezes - 1 ELSE 0 END AS freezes2,"
        f" CASE WHEN {won} THEN c.won_run + 1 ELSE 0 END AS won_run2,"
        f" CASE WHEN {won} THEN 0 ELSE c.non_won_run + 1 END AS non_won_run2,"
        f" CASE WHEN {won} AND c.non_won_run >= {COMEBACK_AFTER} THEN 1 ELSE 0 END AS comeback,"
        f" CASE WHEN NOT ({won}) AND c.freezes > 0 THEN 1 ELSE 0 END AS freeze_spent,"
        f" {_min('c.rp / ' + str(r.rp_per_division), str(LEGEND_STEP))} AS step_before"
        " FROM c"
    )
    change = (
        f"CASE d.result WHEN '{DayResult.WON.value}'"
        f" THEN {r.rp_won} + {_min(f'd.streak2 / {r.rp_streak_step}', str(r.rp_streak_bonus_max))}"
        f" WHEN '{DayResult.LOST.value}' THEN {r.rp_lost} WHEN '{DayResult.UNDER.value}' THEN {r.rp_under}"
        f" ELSE {r.rp_missed} END"
    )
    raw = _max(f"d.rp + {change}", "0")
    floor = f"d.step_before * {r.rp_per_division}"
    ranked = (
        f"SELECT d.*, CASE WHEN d.shield > 0 AND {raw} < {floor} THEN 1 ELSE 0 END AS shield_used,"
        f" CASE WHEN d.shield > 0 AND {raw} < {floor} THEN {floor} ELSE {raw} END AS rp2 FROM d"
    )
    step_after = _min(f"e.rp2 / {r.rp_per_division}", str(LEGEND_STEP))
    shield2 = (
        f"CASE WHEN {step_after} > e.step_before THEN {r.shield_days} WHEN e.shield_used = 1 THEN 0"
        f" ELSE {_max('e.shield - 1', '0')} END"
    )
    perfect = f"CASE WHEN e.won = 1 AND e.won_run2 >= 7 AND {1 if sunday else 0} = 1 THEN 1 ELSE 0 END"
    increments = {**{c: f"e.{inc}" for c, inc in COUNTERS.items()}, "perfect_weeks": perfect}
    totals = ", ".join(f"e.prev_{c} + {increments[c]}" for c in COUNTERS)
    kept = MATERIALIZED_LAYERS
    tally = day_tally(zone_filter, user_slice("m.user_id", index, count))
    layers = ", ".join(
        f"{name} AS {'MATERIALIZED ' if name in kept else 'NOT MATERIALIZED '}({sql})"
        for name, sql in zip("abcde", (tally, base, classified, streaked, ranked), strict=True)
    )
    return (
        f"WITH {layers} "
        "INSERT INTO day_results (user_id, day, result, kcal, target_kcal, meals, photo_meals, voice_meals,"
        " barcode_meals, streak, best_streak, freezes, won_run, non_won_run, rp_before, rp, best_rp, shield,"
        " step_before, step_after, won, perfect_week, comeback, freeze_spent, start_weight_kg, start_bmi_distance,"
        f" {', '.join(f'total_{c}' for c in COUNTERS)})"
        " SELECT e.user_id, :day, e.result, e.kcal, e.target, e.meals, e.photo_meals, e.voice_meals,"
        f" e.barcode_meals, e.streak2, {_max('e.best_streak', 'e.streak2')}, e.freezes2, e.won_run2,"
        f" e.non_won_run2, e.rp, e.rp2, {_max('e.best_rp', 'e.rp2')}, {shield2}, e.step_before, {step_after},"
        f" e.won, {perfect}, e.comeback, e.freeze_spent, e.start_weight_kg, e.start_bmi_distance, {totals}"
        " FROM e WHERE 1 = 1 ON CONFLICT (user_id, day) DO NOTHING"
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
