"""OCR text boxes of a nutrition label and their grouping into table rows by coordinates.

Shared by the per-100 g reader (:mod:`ai.label_parse`) and the per-serving header finder
(:mod:`ai.label_serving`); pure functions, testable without the OCR model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

_O_AS_ZERO = re.compile(r"(?<=\d)[oO]|[oO](?=\d)|(?<=[\d.,])[oO]")


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

    @property
    def cx(self) -> float:
        """Horizontal centre."""
        return (self.x0 + self.x1) / 2


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
