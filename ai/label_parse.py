"""Reading a nutrition table from OCR text boxes: rows by coordinates, then energy and macros.

Pure functions over :class:`TextBox` values, so the rules are testable without the OCR model. Labels in
English and French (and a few German words) are understood; kJ is converted to kcal when no kcal is
printed; an ``O`` next to digits is read as ``0``. The per-100 g column wins when there is one. A table
printed only per serving ("Per serving (30 g)", "Amount per serving" with "Calories 230", or a US
"Serving size 30 g" with "Calories 120") is read from its serving column: converted to per 100 g when
the serving's weight is printed, otherwise kept per serving (:class:`ServingFacts`). With both columns,
the per-100 g values are used and the serving's weight is kept for when no amount is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.label_boxes import TextBox, clean, group_rows
from ai.label_serving import ServingHeader, find_serving

__all__ = ["LabelFacts", "ServingFacts", "TextBox", "clean", "group_rows", "read_facts"]

KJ_PER_KCAL = 4.184
MAX_KCAL_100G = 950.0
MAX_KCAL_SERVING = 2000.0
_VALUE = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>k\s*c\s*a\s*[l1|i]?|kj|g\b|mg|µg)?", re.IGNORECASE)
_PER_100 = re.compile(r"100\s*(?:g|ml|gr)\b", re.IGNORECASE)
NUTRIENTS: dict[str, tuple[str, ...]] = {
    "energy": ("energy", "énergie", "energie", "calories", "valeur énergétique", "brennwert", "kcal", "kj"),
    "protein": ("protein", "protéine", "proteine", "eiweiß", "eiweiss"),
    "carbs": ("carbohydrate", "glucides", "carbs", "kohlenhydrate", "total carb"),
    "fat": ("fat", "lipides", "matières grasses", "matieres grasses", "fett"),
}
_SUB_ROW: tuple[str, ...] = ("of which", "dont", "saturat", "saturé", "sature", "sugars", "sucres", "davon", "trans")
_SUB_ROW += ("fibre", "fiber", "from fat")  # "from fat": US "Calories from fat 70"
Value = tuple[float, str, float]  # number, unit, x position


@dataclass(frozen=True, slots=True)
class LabelFacts:
    """Nutrition per 100 g read from a label; macros are None when the label did not show them.

    ``serving_g`` is the weight of one serving when the label prints it. ``per_100_printed`` says the
    values come from a per-100 g column; otherwise they were converted from the per-serving column.
    """

    kcal_100g: float
    protein_100g: float | None
    carbs_100g: float | None
    fat_100g: float | None
    serving_g: float | None = None
    per_100_printed: bool = False


@dataclass(frozen=True, slots=True)
class ServingFacts:
    """Nutrition of one serving from a label printed per serving without the serving's weight."""

    kcal: float
    protein_g: float | None
    carbs_g: float | None
    fat_g: float | None
    serving: str = "serving"


def _values(row: list[TextBox]) -> list[Value]:
    """(number, unit, x position) for every number in the row; x is interpolated inside a box."""
    found = []
    for box in row:
        text = clean(box.text)
        for match in _VALUE.finditer(text):
            unit = re.sub(r"\s+", "", (match.group("unit") or "").lower())
            unit = "kcal" if unit.startswith("kca") else unit
            share = (match.start() + match.end()) / 2 / max(len(text), 1)
            number = float(match.group("num").replace(",", "."))
            found.append((number, unit, box.x0 + share * (box.x1 - box.x0)))
    return found


def _per_100_x(rows: list[list[TextBox]]) -> float | None:
    for row in rows:
        for box in row:
            if _PER_100.search(clean(box.text)):
                return (box.x0 + box.x1) / 2
    return None


def _label(row: list[TextBox]) -> str:
    return clean(" ".join(b.text for b in row if not re.match(r"^[\d.,<>\s]", clean(b.text))))


def _kind(label: str) -> str | None:
    if any(word in label for word in _SUB_ROW):
        return None
    return next((kind for kind, words in NUTRIENTS.items() if any(w in label for w in words)), None)


def _pick(values: list[Value], column: float | None) -> Value | None:
    if not values:
        return None
    if column is None:
        return values[0]
    return min(values, key=lambda v: abs(v[2] - column))


def _read_column(rows: list[list[TextBox]], column: float | None) -> tuple[float | None, dict[str, float]]:
    """Energy in kcal (or None) and the macros found, taking in each row the value nearest ``column``."""
    kcal: float | None = None
    kj: float | None = None
    macros: dict[str, float] = {}
    for row in rows:
        label = _label(row)
        kind, values = _kind(label), _values(row)
        energy = [v for v in values if v[1] in ("kcal", "kj")]
        if energy or kind == "energy":
            in_kcal = _pick([v for v in energy if v[1] == "kcal"], column)
            in_kj = _pick([v for v in energy if v[1] == "kj"], column)
            if not energy and "calorie" in label:  # US labels: "Calories 230", no unit
                in_kcal = _pick([v for v in values if v[1] == ""], column)
            kcal = kcal if kcal is not None or in_kcal is None else in_kcal[0]
            kj = kj if kj is not None or in_kj is None else in_kj[0]
        elif kind is not None and kind not in macros:
            picked = _pick([v for v in values if v[1] in ("g", "")], column)
            if picked is not None and picked[0] <= 100:
                macros[kind] = picked[0]
    return (kcal if kcal is not None else (kj / KJ_PER_KCAL if kj is not None else None)), macros


def _from_serving(energy: float, macros: dict[str, float], serving: ServingHeader) -> LabelFacts | ServingFacts | None:
    if serving.grams is None:
        if not 0 <= energy <= MAX_KCAL_SERVING:
            return None
        protein, carbs, fat = (macros.get(kind) for kind in ("protein", "carbs", "fat"))
        return ServingFacts(round(energy, 1), protein, carbs, fat, serving.name)
    factor = 100.0 / serving.grams
    per100 = {kind: round(grams * factor, 1) for kind, grams in macros.items() if grams <= serving.grams}
    if not 0 <= energy * factor <= MAX_KCAL_100G:
        return None
    return LabelFacts(
        round(energy * factor, 1), per100.get("protein"), per100.get("carbs"), per100.get("fat"), serving.grams
    )


def read_facts(boxes: list[TextBox]) -> LabelFacts | ServingFacts | None:
    """Energy and macros per 100 g, or per serving when only that is printed; None when no plausible energy."""
    rows = group_rows(boxes)
    column = _per_100_x(rows)
    serving = find_serving(rows)
    energy, macros = _read_column(rows, column if column is not None else serving.x if serving else None)
    if energy is None:
        return None
    if serving is not None and column is None:
        return _from_serving(energy, macros, serving)
    if not 0 <= energy <= MAX_KCAL_100G:
        return None
    weight = serving.grams if serving is not None else None  # both columns: per 100 g, and a serving's weight
    protein, carbs, fat = macros.get("protein"), macros.get("carbs"), macros.get("fat")
    return LabelFacts(round(energy, 1), protein, carbs, fat, weight, per_100_printed=column is not None)
