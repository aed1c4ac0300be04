"""The daily calorie target and BMI distance as SQL expressions, built from core.rules.energy, bmi and player.

Same operations in the same order as the Python, in IEEE doubles, so both give the same integers;
tests compare them on many random profiles on SQLite and PostgreSQL.
"""

from __future__ import annotations

from core.model.profile import Activity, GoalKind, Sex
from core.rules.bmi import BOUNDS, BmiCategory
from core.rules.energy import (
    DAYS_PER_WEEK,
    KCAL_PER_KG,
    MIFFLIN_PER_CM,
    MIFFLIN_PER_KG,
    MIFFLIN_PER_YEAR,
    MIFFLIN_SEX_KCAL,
    SAFE_FLOOR_KCAL,
)


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
        f"({num(MIFFLIN_PER_KG)} * {u}.weight_kg + {num(MIFFLIN_PER_CM)} * {u}.height_cm"
        f" - {num(MIFFLIN_PER_YEAR)} * ({int(year)} - {u}.birth_year)"
        f" + CASE {u}.sex WHEN '{Sex.MALE.value}' THEN {num(MIFFLIN_SEX_KCAL[Sex.MALE])}"
        f" ELSE {num(MIFFLIN_SEX_KCAL[Sex.FEMALE])} END)"
    )
    daily = f"({u}.rate_kg_per_week * {num(KCAL_PER_KG)} / {num(DAYS_PER_WEEK)})"
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
    order = list(BmiCategory)

    def distance(category: BmiCategory) -> int:
        return abs(order.index(category) - order.index(BmiCategory.NORMAL))

    bands = " ".join(f"WHEN {value} < {num(upper)} THEN {distance(category)}" for upper, category in BOUNDS)
    return f"CASE WHEN {u}.weight_kg IS NULL OR {u}.height_cm IS NULL THEN NULL {bands} ELSE {distance(order[-1])} END"


PROFILE_COMPLETE = (
    "u.sex IS NOT NULL AND u.birth_year IS NOT NULL AND u.height_cm IS NOT NULL AND u.weight_kg IS NOT NULL"
    " AND u.activity IS NOT NULL AND u.goal IS NOT NULL"
)
