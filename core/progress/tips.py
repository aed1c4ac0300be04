"""One concrete tip drawn from recent days: the weekday that usually goes over, skipped logging, …"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from core.progress.day_status import DayStatus
from core.progress.week import DayRow, macro_split

MIN_REPEATS = 2
LOW_PROTEIN_PCT = 15.0


class TipKind(StrEnum):
    """What the tip is about, checked in this order."""

    START_LOGGING = "start_logging"
    OVER_ON_WEEKDAY = "over_on_weekday"
    MISSED_ON_WEEKDAY = "missed_on_weekday"
    OFTEN_UNDER = "often_under"
    LOW_PROTEIN = "low_protein"
    KEEP_GOING = "keep_going"


@dataclass(frozen=True, slots=True)
class Tip:
    """The tip and its evidence: ``weekday`` (0 = Monday), ``count`` of ``out_of`` days, ``amount``."""

    kind: TipKind
    weekday: int | None = None
    count: int = 0
    out_of: int = 0
    amount: float = 0.0


def _worst_weekday(rows: Sequence[DayRow], status: DayStatus, among: Sequence[DayRow]) -> tuple[int, int, int] | None:
    """(weekday, count, out_of) of the weekday where ``status`` happened most, if it did half the time or more."""
    best: tuple[int, int, int] | None = None
    for weekday in range(7):
        pool = [r for r in among if r.day.weekday() == weekday]
        hits = sum(r.status is status for r in rows if r.day.weekday() == weekday)
        if hits >= MIN_REPEATS and pool and hits * 2 >= len(pool) and (best is None or hits > best[1]):
            best = (weekday, hits, len(pool))
    return best


def pick_tip(rows: Sequence[DayRow]) -> Tip:
    """The most useful tip for these days (closed days only count; give several weeks)."""
    closed = [r for r in rows if r.status.closed]
    logged = [r for r in closed if r.logged]
    if len(logged) < 3:
        return Tip(TipKind.START_LOGGING, count=len(logged), out_of=len(closed))
    over = _worst_weekday(closed, DayStatus.LOST, logged)
    if over is not None:
        weekday, count, out_of = over
        excess = [
            r.kcal - (r.target_kcal or 0) for r in closed if r.day.weekday() == weekday and r.status is DayStatus.LOST
        ]
        return Tip(TipKind.OVER_ON_WEEKDAY, weekday, count, out_of, sum(excess) / len(excess))
    missed = _worst_weekday(closed, DayStatus.MISSED, closed)
    if missed is not None:
        return Tip(TipKind.MISSED_ON_WEEKDAY, *missed)
    under = sum(r.status is DayStatus.UNDER for r in logged)
    if under >= 3 and under * 3 >= len(logged):
        return Tip(TipKind.OFTEN_UNDER, count=under, out_of=len(logged))
    split = macro_split(logged)
    if split is not None and split.protein_pct < LOW_PROTEIN_PCT:
        return Tip(TipKind.LOW_PROTEIN, amount=split.protein_pct)
    won = sum(r.status is DayStatus.WON for r in closed)
    return Tip(TipKind.KEEP_GOING, count=won, out_of=len(closed))
