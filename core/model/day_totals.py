"""One local day's logged totals: what history and charts are computed from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class DayTotals:
    """Sums of a user's meals on one local day (only days with at least one meal exist)."""

    day: date
    kcal: float
    protein_g: float
    carbs_g: float
    fat_g: float
    meals: int
