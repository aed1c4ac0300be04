"""When a new weigh-in is questioned before it is saved: a jump from the last weight, maybe a slip of unit.

Rule (written once, here): a reading more than :data:`JUMP_SHARE` (10 %) above or below the last weight is a
jump. Between two weigh-ins a real change that large is rare (10 % of 80 kg is 8 kg), while typing the number
in the other unit (``176`` meaning pounds, for a metric profile: 176 kg instead of 79.8 kg) or a slip of the
keyboard (``8.5`` for ``85``) lands far outside it. A bare number (no ``kg``/``lb``) that, read in the other
unit, lands within the rule is offered as that reading too (:func:`unit_slip`).
"""

from __future__ import annotations

from core.model.profile import Units
from core.rules.units import lb_to_kg

JUMP_SHARE = 0.10
LOW_KG, HIGH_KG = 25.0, 400.0  # the plausible weights (as in core.rules.profile_values)


def is_jump(previous_kg: float | None, new_kg: float) -> bool:
    """True when ``new_kg`` is more than 10 % away from ``previous_kg`` (never for a first reading)."""
    return previous_kg is not None and previous_kg > 0 and abs(new_kg - previous_kg) > JUMP_SHARE * previous_kg


def other_unit_kg(number: float, units: Units) -> float:
    """Kilograms in a bare ``number`` read in the unit the profile does NOT use (lb for metric, kg for imperial)."""
    return round(lb_to_kg(number), 2) if units is Units.METRIC else round(number, 1)


def unit_slip(previous_kg: float | None, number: float, units: Units) -> float | None:
    """The other-unit reading of a bare ``number`` in kg, when it is plausible and no jump; else None."""
    kg = other_unit_kg(number, units)
    if previous_kg is None or not LOW_KG <= kg <= HIGH_KG or is_jump(previous_kg, kg):
        return None
    return kg
