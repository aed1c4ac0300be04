"""Finding the per-serving column of a nutrition label (and the serving's weight when there is one).

A header such as "Per serving (30 g)", "Par portion (30 g)", "per 1 biscuit (12 g)", "Amount per
serving" or "pro Portion (25 g)" marks the column. The serving's weight comes from the header, from the
box right after it (OCR often splits "(30 g)" off), or from a "Serving size 2/3 cup (55g)" line;
millilitres count as grams. Without any of them the weight is unknown (None). A US label may have no
header at all, only "Serving size 30 g" above "Calories 120": its values are per serving too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.label_boxes import TextBox, clean

_HEADER = re.compile(
    r"\b(?:per|par|pour|pro|je|each)\s+"
    r"(?P<what>(?:(?:\d+|one|une?|a|an|½|1/2)\s+)?(?P<word>[^\W\d_]{3,20}))"
)
_NOT_SERVING = frozenset({"cent", "day", "jour", "tag", "container", "contenant", "emballage", "package"})
_WEIGHT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:g|gr|ml)\b")
_SPLIT_WEIGHT = re.compile(r"^\(?\s*=?\s*\d+(?:[.,]\d+)?\s*(?:g|gr|ml)\s*\)?$")
_SIZE_LINE = re.compile(r"serving size|portion size|taille (?:de la |d.une )?portion|portionsgr|portion\s*[:=]")
MAX_HEADER_CHARS = 64  # "Valeurs nutritionnelles moyennes par portion (30 g)" fits; paragraphs do not
MIN_GRAMS, MAX_GRAMS = 1.0, 1000.0


@dataclass(frozen=True, slots=True)
class ServingHeader:
    """The per-serving column: its horizontal position, what one serving is, and its weight if printed."""

    x: float | None
    name: str
    grams: float | None


def _weight(text: str) -> float | None:
    """The last weight in grams or millilitres in ``text``, when it is a plausible serving."""
    found = _WEIGHT.findall(text)
    if not found:
        return None
    grams = float(found[-1].replace(",", "."))
    return grams if MIN_GRAMS <= grams <= MAX_GRAMS else None


def _size_line(rows: list[list[TextBox]]) -> float | None:
    for row in rows:
        text = clean(" ".join(b.text for b in row))
        if _SIZE_LINE.search(text):
            grams = _weight(text)
            if grams is not None:
                return grams
    return None


def find_serving(rows: list[list[TextBox]]) -> ServingHeader | None:
    """The first per-serving header in the table rows, or None."""
    for row in rows:
        for position, box in enumerate(row):
            text = clean(box.text)
            match = _HEADER.search(text)
            if match is None or len(text) > MAX_HEADER_CHARS or match.group("word") in _NOT_SERVING:
                continue
            grams = _weight(text[match.start() :])
            after = clean(row[position + 1].text).strip() if position + 1 < len(row) else ""
            if grams is None and _SPLIT_WEIGHT.match(after):
                grams = _weight(after)
            if grams is None:
                grams = _size_line(rows)
            return ServingHeader(box.cx, " ".join(match.group("what").split()), grams)
    grams = _size_line(rows)  # a US label: "Serving size 30 g" then "Calories 120", no "per" header
    return ServingHeader(None, "serving", grams) if grams is not None else None
