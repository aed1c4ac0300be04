"""Weight trend: one reading a day, an exponentially smoothed trend and the current rate.

The trend follows John Walker's *The Hacker's Diet*: each day the trend moves 10 % of the way
towards that day's weight; days without a reading are filled by straight lines between readings.
The rate is the least-squares slope of the readings of the last four weeks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from core.model.weight import WeightEntry

SMOOTHING = 0.1
RATE_WINDOW_DAYS = 28
MIN_RATE_READINGS = 3
MIN_RATE_SPAN_DAYS = 7


@dataclass(frozen=True, slots=True)
class WeightPoint:
    """A day's weight (the last reading of that day) or a trend value."""

    day: date
    kg: float


def daily_readings(entries: Sequence[WeightEntry]) -> list[WeightPoint]:
    """One point a day (the day's last reading), oldest first."""
    by_day: dict[date, float] = {}
    for entry in sorted(entries, key=lambda e: e.measured_at):
        by_day[entry.local_day] = entry.weight_kg
    return [WeightPoint(day, kg) for day, kg in sorted(by_day.items())]


def smoothed_trend(readings: Sequence[WeightPoint], alpha: float = SMOOTHING) -> list[WeightPoint]:
    """The daily trend from the first reading to the last (gaps interpolated linearly)."""
    if not readings:
        return []
    trend = [WeightPoint(readings[0].day, readings[0].kg)]
    value = readings[0].kg
    for previous, current in pairwise(readings):
        gap = (current.day - previous.day).days
        for step in range(1, gap + 1):
            weight = previous.kg + (current.kg - previous.kg) * step / gap
            value += alpha * (weight - value)
            trend.append(WeightPoint(date.fromordinal(previous.day.toordinal() + step), round(value, 3)))
    return trend


def rate_kg_per_week(readings: Sequence[WeightPoint], window_days: int = RATE_WINDOW_DAYS) -> float | None:
    """Least-squares slope of the readings in the last ``window_days``, in kg/week (None if too few)."""
    if not readings:
        return None
    last = readings[-1].day
    recent = [p for p in readings if (last - p.day).days < window_days]
    if len(recent) < MIN_RATE_READINGS or (last - recent[0].day).days < MIN_RATE_SPAN_DAYS:
        return None
    xs = [float(p.day.toordinal()) for p in recent]
    ys = [p.kg for p in recent]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return slope * 7.0


def reading_before(readings: Sequence[WeightPoint], day: date) -> WeightPoint | None:
    """The last reading on or before ``day``."""
    earlier = [p for p in readings if p.day <= day]
    return earlier[-1] if earlier else None
