"""Metric and imperial units: pure conversions between what is stored (kg, cm) and what is shown (lb, ft/in).

Values are always stored in SI; a profile's :class:`~core.model.profile.Units` only changes the display and
how a bare number typed for a weight is read (``176`` is pounds for an imperial user, kilograms otherwise).
"""

from __future__ import annotations

from core.model.profile import Units

LB_IN_KG = 0.45359237  # exact, by the 1959 international agreement
INCH_IN_CM = 2.54  # exact
INCHES_IN_FOOT = 12
MILE_IN_KM = 1.609344  # exact, the international mile


def kg_to_lb(kg: float) -> float:
    """Pounds in ``kg`` kilograms."""
    return kg / LB_IN_KG


def km_to_miles(km: float) -> float:
    """Miles in ``km`` kilometres (speeds too: km/h to mph)."""
    return km / MILE_IN_KM


def lb_to_kg(lb: float) -> float:
    """Kilograms in ``lb`` pounds."""
    return lb * LB_IN_KG


def cm_to_inches(cm: float) -> float:
    """Inches in ``cm`` centimetres."""
    return cm / INCH_IN_CM


def inches_to_cm(inches: float) -> float:
    """Centimetres in ``inches`` inches."""
    return inches * INCH_IN_CM


def feet_and_inches(cm: float) -> tuple[int, int]:
    """``180.3`` cm → ``(5, 11)``: whole feet and the nearest whole inch (71.99 in is 6 ft 0 in, not 5 ft 12 in)."""
    total = round(cm_to_inches(cm))
    return total // INCHES_IN_FOOT, total % INCHES_IN_FOOT


def weight_in(kg: float, units: Units) -> float:
    """A weight in kilograms as the number shown in ``units`` (kg or lb)."""
    return kg_to_lb(kg) if units is Units.IMPERIAL else kg


def weight_from(value: float, units: Units) -> float:
    """A number in ``units`` (kg or lb) as kilograms."""
    return lb_to_kg(value) if units is Units.IMPERIAL else value


def weight_unit(units: Units) -> str:
    """The symbol of the weight unit: ``kg`` or ``lb`` (the same in English and French)."""
    return "lb" if units is Units.IMPERIAL else "kg"


UNIT_WORDS = {
    "metric": Units.METRIC,
    "si": Units.METRIC,
    "kg": Units.METRIC,
    "cm": Units.METRIC,
    "métrique": Units.METRIC,
    "metrique": Units.METRIC,
    "imperial": Units.IMPERIAL,
    "impérial": Units.IMPERIAL,
    "us": Units.IMPERIAL,
    "lb": Units.IMPERIAL,
    "lbs": Units.IMPERIAL,
    "pounds": Units.IMPERIAL,
    "livres": Units.IMPERIAL,
}
