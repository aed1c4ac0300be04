"""Body-mass index and its WHO adult category."""

from enum import StrEnum


class BmiCategory(StrEnum):
    """WHO adult BMI categories."""

    UNDERWEIGHT = "underweight"
    NORMAL = "normal"
    OVERWEIGHT = "overweight"
    OBESE_I = "obese class I"
    OBESE_II = "obese class II"
    OBESE_III = "obese class III"


BOUNDS = (
    (18.5, BmiCategory.UNDERWEIGHT),
    (25.0, BmiCategory.NORMAL),
    (30.0, BmiCategory.OVERWEIGHT),
    (35.0, BmiCategory.OBESE_I),
    (40.0, BmiCategory.OBESE_II),
)
"""Upper bound (exclusive) of each category but the last; the SQL close-out reads the same table."""


def bmi(weight_kg: float, height_cm: float) -> float:
    """Weight divided by height squared (kg/m²)."""
    metres = height_cm / 100.0
    return weight_kg / (metres * metres)


def bmi_category(value: float) -> BmiCategory:
    """The WHO category a BMI value falls in (lower bounds inclusive)."""
    for upper, category in BOUNDS:
        if value < upper:
            return category
    return BmiCategory.OBESE_III
