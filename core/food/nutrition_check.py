"""Plausibility rules for imported nutrition values per 100 g, with a named reason for every rejection."""

from __future__ import annotations

from dataclasses import dataclass

KJ_PER_KCAL = 4.184
MAX_KCAL = 900.0
MACRO_SLACK_G = 5.0  # rounding on labels: protein + carbs + fat may exceed 100 g slightly


@dataclass(frozen=True, slots=True)
class Nutrition:
    """Checked values per 100 g."""

    kcal: float
    protein: float
    carbs: float
    fat: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """Either usable values or the reason they were rejected (``no_energy``, ``kcal_out_of_range``...)."""

    nutrition: Nutrition | None
    reason: str = ""


def parse_number(text: str | float | None) -> float | None:
    """A number from a cell (``"12,5"`` accepted), or None for blanks and garbage."""
    if text is None:
        return None
    if isinstance(text, float | int):
        value = float(text)
    else:
        cell = text.strip().replace(",", ".")
        if not cell:
            return None
        try:
            value = float(cell)
        except ValueError:
            return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None


def check(
    kcal: float | None, kj: float | None, protein: float | None, carbs: float | None, fat: float | None
) -> Verdict:
    """Energy from kcal, else converted from kJ; ranges and the sum of macros checked."""
    energy = kcal if kcal is not None else (kj / KJ_PER_KCAL if kj is not None else None)
    if energy is None:
        return Verdict(None, "no_energy")
    if not 0.0 <= energy <= MAX_KCAL * 1.01:  # pure fats are 900-902 kcal with specific Atwater factors
        return Verdict(None, "kcal_out_of_range")
    energy = min(energy, MAX_KCAL)
    p, c, f = (0.0 if v is None else v for v in (protein, carbs, fat))
    if min(p, c, f) < 0 or max(p, c, f) > 100 or p + c + f > 100 + MACRO_SLACK_G:
        return Verdict(None, "macros_impossible")
    if 4 * p + 4 * c + 9 * f > 3 * energy + 100:  # loose: US carbs include fibre, polyols count little
        return Verdict(None, "energy_below_macros")
    return Verdict(Nutrition(round(energy, 1), round(p, 2), round(c, 2), round(f, 2)))
