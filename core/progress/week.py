"""A week of days with their results, and the week's numbers: average, wins, macros, weight, streak."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from core.model.day_totals import DayTotals
from core.model.weight import WeightEntry
from core.progress.day_status import DayStatus, classify_day
from core.progress.weeks import days_between

KCAL_PER_G = {"protein": 4.0, "carbs": 4.0, "fat": 9.0}


@dataclass(frozen=True, slots=True)
class DayRow:
    """One day of history: what was logged, the target it was judged by and the result."""

    day: date
    kcal: float
    protein_g: float
    carbs_g: float
    fat_g: float
    logged: bool
    target_kcal: float | None
    status: DayStatus


@dataclass(frozen=True, slots=True)
class MacroSplit:
    """Share of energy from protein, carbs and fat, in percent (summing to 100)."""

    protein_pct: float
    carbs_pct: float
    fat_pct: float


@dataclass(frozen=True, slots=True)
class WeekStats:
    """The numbers under a week's chart."""

    average_kcal: float | None
    days_won: int
    days_closed: int
    days_logged: int
    macros: MacroSplit | None
    weight_change_kg: float | None
    streak: int


def day_rows(
    days: Sequence[date],
    totals: Mapping[date, DayTotals],
    today: date,
    target: float | None,
    first_day: date | None,
    open_from: date | None = None,
) -> list[DayRow]:
    """A row for each day, classified by :func:`classify_day` (days from ``open_from`` on are still open)."""
    rows = []
    for day in days:
        t = totals.get(day)
        kcal = t.kcal if t else 0.0
        status = classify_day(day, today, kcal, t is not None, target, first_day, open_from)
        protein, carbs, fat = (t.protein_g, t.carbs_g, t.fat_g) if t else (0.0, 0.0, 0.0)
        rows.append(DayRow(day, kcal, protein, carbs, fat, t is not None, target, status))
    return rows


def macro_split(rows: Iterable[DayRow]) -> MacroSplit | None:
    """Energy shares of the macros over the rows (None when no macro was logged)."""
    rows = list(rows)
    energy = {
        "protein": sum(r.protein_g for r in rows) * KCAL_PER_G["protein"],
        "carbs": sum(r.carbs_g for r in rows) * KCAL_PER_G["carbs"],
        "fat": sum(r.fat_g for r in rows) * KCAL_PER_G["fat"],
    }
    total = sum(energy.values())
    if total <= 0:
        return None
    return MacroSplit(*(100.0 * energy[k] / total for k in ("protein", "carbs", "fat")))


def streak(statuses: Mapping[date, DayStatus], until: date) -> int:
    """Consecutive WON days ending at ``until`` (days still in progress neither count nor break it)."""
    day, count = until, 0
    while statuses.get(day) is DayStatus.IN_PROGRESS:
        day -= timedelta(days=1)
    while statuses.get(day) is DayStatus.WON:
        count += 1
        day -= timedelta(days=1)
    return count


def weight_change(entries: Sequence[WeightEntry], monday: date, sunday: date) -> float | None:
    """Last reading of the week minus the last one before it (or the week's first); None without two."""
    before = [e for e in entries if e.local_day < monday]
    within = [e for e in entries if monday <= e.local_day <= sunday]
    if not within:
        return None
    start = before[-1] if before else within[0]
    if start is within[-1]:
        return None
    return round(within[-1].weight_kg - start.weight_kg, 2)


def week_stats(rows: Sequence[DayRow], entries: Sequence[WeightEntry], streak_days: int) -> WeekStats:
    """The week's numbers; the average is over closed days that have meals."""
    closed = [r for r in rows if r.status.closed]
    eaten = [r for r in closed if r.logged]
    return WeekStats(
        average_kcal=sum(r.kcal for r in eaten) / len(eaten) if eaten else None,
        days_won=sum(r.status is DayStatus.WON for r in rows),
        days_closed=len(closed),
        days_logged=sum(r.logged for r in rows),
        macros=macro_split(r for r in rows if r.logged),
        weight_change_kg=weight_change(entries, rows[0].day, rows[-1].day) if rows else None,
        streak=streak_days,
    )


def statuses_over(
    start: date,
    end: date,
    totals: Mapping[date, DayTotals],
    today: date,
    target: float | None,
    first: date | None,
    open_from: date | None = None,
) -> dict[date, DayStatus]:
    """Statuses of every day from ``start`` to ``end`` (for streaks and tips)."""
    return {r.day: r.status for r in day_rows(days_between(start, end), totals, today, target, first, open_from)}
