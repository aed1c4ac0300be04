"""Reading a nutrition table from OCR text boxes: rows by coordinates, then energy and macros per 100 g.

Pure functions over :class:`TextBox` values, so the rules are testable without the OCR model. Labels in
English and French (and a few German words) are understood; kJ is converted to kcal when no kcal is
printed; an ``O`` next to digits is read as ``0``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

KJ_PER_KCAL = 4.184
_O_AS_ZERO = re.compile(r"(?<=\d)[oO]|[oO](?=\d)|(?<=[\d.,])[oO]")
_VALUE = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>k\s*c\s*a\s*[l1|i]?|kj|g\b|mg|µg)?", re.IGNORECASE)
_PER_100 = re.compile(r"100\s*(?:g|ml|gr)\b", re.IGNORECASE)
NUTRIENTS: dict[str, tuple[str, ...]] = {
    "energy": ("energy", "énergie", "energie", "calories", "valeur énergétique", "brennwert", "kcal", "kj"),
    "protein": ("protein", "protéine", "proteine", "eiweiß", "eiweiss"),
    "carbs": ("carbohydrate", "glucides", "carbs", "kohlenhydrate", "total carb"),
    "fat": ("fat", "lipides", "matières grasses", "matieres grasses", "fett"),
}
_SUB_ROW = ("of which", "dont", "saturat", "saturé", "sature", "sugars", "sucres", "davon", "trans", "fibre", "fiber")


@dataclass(frozen=True, slots=True)
class TextBox:
    """One piece of recognised text and its bounding box in pixels."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cy(self) -> float:
        """Vertical centre."""
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True, slots=True)
class LabelFacts:
    """Nutrition per 100 g read from a label; macros are None when the label did not show them."""

    kcal_100g: float
    protein_100g: float | None
    carbs_100g: float | None
    fat_100g: float | None


def clean(text: str) -> str:
    """Lower-case text with ``O`` next to digits turned into ``0`` and decimal commas into points."""
    return _O_AS_ZERO.sub("0", text).lower()


def group_rows(boxes: list[TextBox]) -> list[list[TextBox]]:
    """Boxes grouped into table rows by vertical centre, each row sorted left to right."""
    if not boxes:
        return []
    tolerance = 0.5 * median(b.y1 - b.y0 for b in boxes)
    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: b.cy):
        if rows and abs(box.cy - median(b.cy for b in rows[-1])) <= tolerance:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b.x0) for row in rows]


def _values(row: list[TextBox]) -> list[tuple[float, str, float]]:
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


def _kind(row: list[TextBox]) -> str | None:
    label = clean(" ".join(b.text for b in row if not re.match(r"^[\d.,<>\s]", clean(b.text))))
    if any(word in label for word in _SUB_ROW):
        return None
    return next((kind for kind, words in NUTRIENTS.items() if any(w in label for w in words)), None)


def _pick(values: list[tuple[float, str, float]], column: float | None) -> tuple[float, str, float] | None:
    if not values:
        return None
    if column is None:
        return values[0]
    return min(values, key=lambda v: abs(v[2] - column))


def read_facts(boxes: list[TextBox]) -> LabelFacts | None:
    """Energy and macros per 100 g, or None when no plausible energy per 100 g is found."""
    rows = group_rows(boxes)
    column = _per_100_x(rows)
    kcal: float | None = None
    kj: float | None = None
    macros: dict[str, float] = {}
    for row in rows:
        kind, values = _kind(row), _values(row)
        energy = [v for v in values if v[1] in ("kcal", "kj")]
        if energy or kind == "energy":
            in_kcal = _pick([v for v in energy if v[1] == "kcal"], column)
            in_kj = _pick([v for v in energy if v[1] == "kj"], column)
            kcal = kcal if kcal is not None or in_kcal is None else in_kcal[0]
            kj = kj if kj is not None or in_kj is None else in_kj[0]
        elif kind is not None and kind not in macros:
            picked = _pick([v for v in values if v[1] in ("g", "")], column)
            if picked is not None and picked[0] <= 100:
                macros[kind] = picked[0]
    energy_kcal = kcal if kcal is not None else (kj / KJ_PER_KCAL if kj is not None else None)
    if energy_kcal is None or not 0 <= energy_kcal <= 950:
        return None
    return LabelFacts(round(energy_kcal, 1), macros.get("protein"), macros.get("carbs"), macros.get("fat"))
