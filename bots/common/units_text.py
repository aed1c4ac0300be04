"""Weights and heights worded in the user's units and language: ``80 kg`` or ``176.4 lb``, ``180 cm`` or ``5'11"``.

The numbers come from core (:mod:`core.rules.units`); the symbols are the same in English and French
(``kg``, ``lb``, and feet and inches written ``5'11"``), so nothing here needs a catalog. Decimals follow the
user's language through Babel (:func:`decimal`: ``24.6`` in English, ``24,6`` in French), the one place that
writes a decimal shown to a user (weights, BMI, distances, speeds).
"""

from __future__ import annotations

from babel.numbers import format_decimal

from core.model.profile import Units
from core.rules.units import feet_and_inches, kg_to_lb, km_to_miles, weight_in, weight_unit

MINUS = "−"


def decimal(value: float, lang: str, digits: int = 1, *, fixed: bool = False) -> str:
    """``value`` with at most (or, when ``fixed``, exactly) ``digits`` decimals in ``lang``: ``24.6`` / ``24,6``."""
    pattern = "0" + ("." + ("0" if fixed else "#") * digits if digits else "")
    return str(format_decimal(value, pattern, locale=lang))


def weight(kg: float, units: Units, lang: str) -> str:
    """``80 kg`` / ``176.4 lb`` (one decimal at most; ``80,5 kg`` in French)."""
    return f"{decimal(weight_in(kg, units), lang)} {weight_unit(units)}"


def weight_change(kg: float, units: Units, lang: str, digits: int = 1) -> str:
    """A signed change: ``+1.2 kg`` / ``−2.6 lb`` (a true minus sign; ``+1,2 kg`` in French)."""
    value = round(weight_in(kg, units), digits)
    sign = MINUS if value < 0 else "+"
    return f"{sign}{decimal(abs(value), lang, digits, fixed=True)} {weight_unit(units)}"


def weight_number(kg: float, units: Units, lang: str) -> str:
    """The number alone, for axis ticks: ``80`` / ``176.4``."""
    return decimal(weight_in(kg, units), lang)


def height(cm: float, units: Units, lang: str) -> str:
    """``180 cm`` / ``5'11"``."""
    if units is Units.IMPERIAL:
        feet, inches = feet_and_inches(cm)
        return f"{feet}'{inches}\""
    return f"{decimal(cm, lang)} cm"


def distance(km: float, units: Units, lang: str) -> str:
    """``5 km`` / ``3.1 mi`` (one decimal at most; ``3,1 mi`` in French)."""
    if units is Units.IMPERIAL:
        return f"{decimal(km_to_miles(km), lang)} mi"
    return f"{decimal(km, lang)} km"


def speed(kmh: float, units: Units, lang: str) -> str:
    """``9 km/h`` / ``5.6 mph`` (one decimal at most; ``5,6 mph`` in French)."""
    if units is Units.IMPERIAL:
        return f"{decimal(km_to_miles(kmh), lang)} mph"
    return f"{decimal(kmh, lang)} km/h"


def rate(kg_per_week: float, units: Units, lang: str) -> str:
    """A weekly rate without the "per week": ``0.5 kg`` / ``1.1 lb`` (``0,45 kg`` in French)."""
    if units is Units.IMPERIAL:
        return f"{decimal(kg_to_lb(kg_per_week), lang)} lb"
    return f"{decimal(kg_per_week, lang, 2)} kg"
