"""BMI over time and the WHO category bands, as weights for a given height (for charts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from core.progress.trend import WeightPoint
from core.rules.bmi import BmiCategory, bmi, bmi_category

# Lower and upper BMI of each WHO adult category (the same bounds as core.rules.bmi).
BMI_BANDS: tuple[tuple[float, float, BmiCategory], ...] = (
    (0.0, 18.5, BmiCategory.UNDERWEIGHT),
    (18.5, 25.0, BmiCategory.NORMAL),
    (25.0, 30.0, BmiCategory.OVERWEIGHT),
    (30.0, 35.0, BmiCategory.OBESE_I),
    (35.0, 40.0, BmiCategory.OBESE_II),
    (40.0, 100.0, BmiCategory.OBESE_III),
)


@dataclass(frozen=True, slots=True)
class BmiPoint:
    """The BMI of one reading and its category."""

    day: date
    bmi: float
    category: BmiCategory


def bmi_points(readings: Sequence[WeightPoint], height_cm: float | None) -> list[BmiPoint]:
    """BMI of each reading (empty without a height)."""
    if not height_cm:
        return []
    points = []
    for reading in readings:
        value = round(bmi(reading.kg, height_cm), 1)
        points.append(BmiPoint(reading.day, value, bmi_category(value)))
    return points


def weight_for_bmi(value: float, height_cm: float) -> float:
    """The weight (kg) that gives BMI ``value`` at ``height_cm``."""
    metres = height_cm / 100.0
    return value * metres * metres


def weight_bands(height_cm: float) -> list[tuple[float, float, BmiCategory]]:
    """The BMI bands as weight ranges (kg) for this height."""
    return [(weight_for_bmi(low, height_cm), weight_for_bmi(high, height_cm), cat) for low, high, cat in BMI_BANDS]
