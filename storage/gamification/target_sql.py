"""The daily calorie target and BMI distance as SQL expressions, mirroring core.rules.energy and player.

Same operations in the same order as the Python, in IEEE doubles, so both give the same integers;
tests compare them on many random profiles on SQLite and PostgreSQL.
"""

from __future__ import annotations

from core.model.profile import Activity, GoalKind, Sex
from core.rules.energy import KCAL_PER_KG, SAFE_FLOOR_KCAL


def num(value: float) -> str:
    """A float literal both databases read as a double."""
    return f"CAST({float(value)!r} AS DOUBLE PRECISION)"


def round_half_even(expr: str, dialect: str) -> str:
    """Python's ``round`` (ties to even) of a positive double, as an integer expression."""
    if dialect == "postgresql":
        return f"CAST(round(CAST({expr} AS DOUBLE PRECISION)) AS INTEGER)"
    trunc = f"CAST(({expr}) AS INTEGER)"
    return (
        f"(CASE WHEN ({expr}) - {trunc} = 0.5 AND {trunc} % 2 = 0 THEN {trunc} ELSE CAST(round({expr}) AS INTEGER) END)"
    )


def target_sql(u: str, year: int, dialect: str) -> str:
    """Integer kcal target of the user row aliased ``u`` in ``year`` (NULL columns give NULL)."""
    factors = " ".join(f"WHEN '{a.value}' THEN {num(a.factor)}" for a in Activity)
    bmr = (
        f"({num(10.0)} * {u}.weight_kg + {num(6.25)} * {u}.height_cm - {num(5.0)} * ({int(year)} - {u}.birth_year)"
        f" + CASE {u}.sex WHEN '{Sex.MALE.value}' THEN {num(5.0)} ELSE {num(-161.0)} END)"
    )
    daily = f"({u}.rate_kg_per_week * {num(KCAL_PER_KG)} / {num(7.0)})"
    delta = (
        f"CASE {u}.goal WHEN '{GoalKind.LOSE.value}' THEN -{daily} WHEN '{GoalKind.GAIN.value}' THEN {daily}"
        f" ELSE {num(0.0)} END"
    )
    raw = f"({bmr} * CASE {u}.activity {factors} END + {delta})"
    floor = (
        f"CASE {u}.sex WHEN '{Sex.MALE.value}' THEN {num(SAFE_FLOOR_KCAL[Sex.MALE])}"
        f" ELSE {num(SAFE_FLOOR_KCAL[Sex.FEMALE])} END"
    )
    return round_half_even(f"CASE WHEN {raw} < {floor} THEN {floor} ELSE {raw} END", dialect)


def bmi_distance_sql(u: str) -> str:
    """WHO categories between the user's BMI and 'normal' (NULL without weight or height)."""
    metres = f"({u}.height_cm / {num(100.0)})"
    value = f"({u}.weight_kg / ({metres} * {metres}))"
    return (
        f"CASE WHEN {u}.weight_kg IS NULL OR {u}.height_cm IS NULL THEN NULL"
        f" WHEN {value} < 18.5 THEN 1 WHEN {value} < 25.0 THEN 0 WHEN {value} < 30.0 THEN 1"
        f" WHEN {value} < 35.0 THEN 2 WHEN {value} < 40.0 THEN 3 ELSE 4 END"
    )


PROFILE_COMPLETE = (
    "u.sex IS NOT NULL AND u.birth_year IS NOT NULL AND u.height_cm IS NOT NULL AND u.weight_kg IS NOT NULL"
    " AND u.activity IS NOT NULL AND u.goal IS NOT NULL"
)
