"""Set-based generators of the close-out benchmark's users, meals, items and established game states.

Values come from cheap arithmetic on the row number, spread so every result (won, lost, under, missed)
and every tier occurs. Portable between PostgreSQL and SQLite.
"""

from __future__ import annotations

from datetime import date

ZONES = ("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Auckland")
ACTIVITIES = ("sedentary", "light", "moderate", "active", "very_active")
GOALS = ("lose", "maintain", "gain")


def series(dialect: str, count: int) -> str:
    """A derived table ``seq(n)`` of 1..count."""
    if dialect == "postgresql":
        return f"(SELECT generate_series(1, {int(count)}) AS n) seq"
    return (
        f"(WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < {int(count)}) SELECT n FROM r) seq"
    )


def _pick(values: tuple[str, ...], expr: str) -> str:
    whens = " ".join(f"WHEN {n} THEN '{v}'" for n, v in enumerate(values))
    return f"CASE ({expr}) % {len(values)} {whens} END"


def users_sql(dialect: str, count: int, offset: int) -> str:
    """INSERT of ``count`` onboarded users with ids after ``offset``."""
    now = "CURRENT_TIMESTAMP"
    true = "true" if dialect == "postgresql" else "1"
    return (
        "INSERT INTO users (id, display_name, sex, birth_year, height_cm, weight_kg, activity, goal,"
        " rate_kg_per_week, goal_weight_kg, timezone, language, active, created_at)"
        f" SELECT {offset} + n, 'bench' || n, CASE WHEN n % 2 = 0 THEN 'male' ELSE 'female' END, 1950 + n % 55,"
        f" 150.0 + n % 45, 55.0 + (n * 7) % 70, {_pick(ACTIVITIES, 'n')}, {_pick(GOALS, 'n / 7')},"
        f" (n % 5) * 0.25, NULL, {_pick(ZONES, 'n / 3')}, 'en', {true}, {now} FROM {series(dialect, count)}"
    )


def _item_kcal(meal_id: str, position: str) -> str:
    return f"(150 + (({meal_id} % 10007) * 79 + {position} * 311) % 650)"


def meals_sql(dialect: str, offset: int, users: int, first_meal: int, week_start: date) -> str:
    """A week of meals for the new users, stored in the order people log them (day by day).

    2–4 a day, about one day in eleven skipped, photo/voice/barcode mixed, one or two items each (odd ids
    have two); ``kcal`` is the sum of the items :func:`meal_items_sql` writes.
    """
    days = " UNION ALL ".join(f"SELECT {d} AS d" for d in range(7))
    slots = " UNION ALL ".join(f"SELECT {s} AS s" for s in range(4))
    day = (
        f"DATE '{week_start.isoformat()}' + d.d"
        if dialect == "postgresql"
        else f"date('{week_start}', '+' || d.d || ' days')"
    )
    eaten = (
        f"CAST(({day}) AS TIMESTAMP) + (8 + 4 * s.s) * INTERVAL '1 hour'"
        if dialect == "postgresql" else f"datetime({day}, '+' || (8 + 4 * s.s) || ' hours')"
    )  # fmt: skip
    kind = _pick(("text", "text", "text", "photo", "voice", "barcode", "text"), "u.id * 3 + d.d * 5 + s.s")
    meal_id = f"({first_meal} + (d.d * 4 + s.s) * {int(users)} + u.id - {offset})"
    kcal = f"{_item_kcal(meal_id, '0')} + CASE WHEN {meal_id} % 2 = 1 THEN {_item_kcal(meal_id, '1')} ELSE 0 END"
    return (
        "INSERT INTO meals (id, user_id, eaten_at, local_day, description, input_kind, kcal)"
        f" SELECT {meal_id}, u.id, {eaten}, {day}, '', {kind}, {kcal}"
        f" FROM users u CROSS JOIN ({days}) d CROSS JOIN ({slots}) s"
        f" WHERE u.id > {offset} AND s.s < 2 + (u.id + d.d) % 3 AND (u.id * 7 + d.d) % 11 <> 0 ORDER BY 1"
    )


def meal_items_sql(first_meal: int) -> str:
    """One or two items per new meal; the day totals spread from well under to well over the targets."""
    kcal = _item_kcal("m.id", "p.p")
    return (
        "INSERT INTO meal_items (meal_id, position, name, grams, kcal, protein_g, carbs_g, fat_g, source,"
        " low_kcal, high_kcal, food_id)"
        f" SELECT m.id, p.p, 'bench food', 150.0, {kcal}, 10.0, 30.0, 8.0, 'manual', {kcal} * 0.9, {kcal} * 1.1, NULL"
        " FROM meals m CROSS JOIN (SELECT 0 AS p UNION ALL SELECT 1 AS p) p"
        f" WHERE m.id > {first_meal} AND p.p <= m.id % 2 ORDER BY m.id, p.p"
    )


def stats_sql(offset: int, last_closed: date) -> str:
    """Established game states for the new users, closed up to ``last_closed``."""
    return (
        "INSERT INTO user_stats (user_id, last_closed_day, streak, best_streak, freezes, won_run, non_won_run, rp,"
        " best_rp, shield, won_days, perfect_weeks, comebacks, freezes_used, meals, photo_meals, voice_meals,"
        " barcode_meals, start_weight_kg, start_bmi_distance, league_promotions, league_podiums)"
        f" SELECT u.id, '{last_closed.isoformat()}', u.id % 40, u.id % 40 + u.id % 13, u.id % 3, u.id % 9,"
        " CASE WHEN u.id % 9 = 0 THEN u.id % 5 ELSE 0 END, (u.id * 37) % 2400, (u.id * 37) % 2400 + 40,"
        " u.id % 4 / 3, u.id % 200, u.id % 7 / 5, u.id % 3 / 2, u.id % 5 / 3, 30 + u.id % 500, u.id % 40,"
        " u.id % 9, u.id % 17, u.weight_kg + 1.5, 1, 0, 0"
        f" FROM users u WHERE u.id > {offset}"
    )
