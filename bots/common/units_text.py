"""Weights and heights worded in the user's units: ``80 kg`` or ``176.4 lb``, ``180 cm`` or ``5'11"``.

The numbers come from core (:mod:`core.rules.units`); the symbols are the same in English and French
(``kg``, ``lb``, and feet and inches written ``5'11"``), so nothing here needs a catalog.
"""

from __future__ import annotations

from core.model.profile import Units
from core.rules.units import feet_and_inches, kg_to_lb, km_to_miles, weight_in, weight_unit

MINUS = "−"


def _number(value: float, digits: int) -> str:
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def weight(kg: float, units: Units) -> str:
    """``80 kg`` / ``176.4 lb`` (one decimal at most)."""
    return f"{_number(weight_in(kg, units), 1)} {weight_unit(units)}"


def weight_change(kg: float, units: Units, digits: int = 1) -> str:
    """A signed change: ``+1.2 kg`` / ``−2.6 lb`` (a true minus sign)."""
    value = weight_in(kg, units)
    return f"{value:+.{digits}f}".replace("-", MINUS) + f" {weight_unit(units)}"


def weight_number(kg: float, units: Units) -> str:
    """The number alone, for axis ticks: ``80`` / ``176.4``."""
    return _number(weight_in(kg, units), 1)


def height(cm: float, units: Units) -> str:
    """``180 cm`` / ``5'11"``."""
    if units is Units.IMPERIAL:
        feet, inches = feet_and_inches(cm)
        return f"{feet}'{inches}\""
    return f"{cm:g} cm"


def distance(km: float, units: Units) -> str:
    """``5 km`` / ``3.1 mi`` (one decimal at most)."""
    if units is Units.IMPERIAL:
        return f"{_number(km_to_miles(km), 1)} mi"
    return f"{_number(km, 1)} km"


def speed(kmh: float, units: Units) -> str:
    """``9 km/h`` / ``5.6 mph`` (one decimal at most)."""
    if units is Units.IMPERIAL:
        return f"{_number(km_to_miles(kmh), 1)} mph"
    return f"{_number(kmh, 1)} km/h"


def rate(kg_per_week: float, units: Units) -> str:
    """A weekly rate without the "per week": ``0.5 kg`` / ``1.1 lb``."""
    if units is Units.IMPERIAL:
        return f"{_number(kg_to_lb(kg_per_week), 1)} lb"
    return f"{kg_per_week:g} kg"
