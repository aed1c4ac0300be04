"""One parsed source row (:class:`RawFood`) and its conversion into checked ``foods`` column values."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from core.food.barcode import canonical
from core.food.normalize import clean_brand, clean_name, fold
from core.food.nutrition_check import check

MAX_NAME = 300
MAX_BRAND = 200


@dataclass(slots=True)
class RawFood:
    """A row as a reader found it: numbers already parsed, nothing checked yet."""

    source: str
    ident: str
    name: str
    kcal: float | None
    kj: float | None
    protein: float | None
    carbs: float | None
    fat: float | None
    brand: str = ""
    barcode: bool = True
    generic: bool = False
    portions: list[tuple[str, float]] = field(default_factory=list)


def to_record(raw: RawFood) -> tuple[dict[str, Any] | None, str]:
    """The column values for ``raw``, or None and the reason it is skipped."""
    name = clean_name(raw.name)[:MAX_NAME]
    search_name = fold(name)
    if not search_name:
        return None, "no_name"
    ident = raw.ident.strip()
    if raw.barcode:
        ident = canonical(ident)
        if not ident.isdigit() or not 1 <= len(ident) <= 14:
            return None, "bad_barcode"
    elif not ident:
        return None, "no_id"
    verdict = check(raw.kcal, raw.kj, raw.protein, raw.carbs, raw.fat)
    if verdict.nutrition is None:
        return None, verdict.reason
    n = verdict.nutrition
    brand = clean_brand(raw.brand)[:MAX_BRAND] if raw.brand else ""
    return {
        "key": f"{raw.source}:{ident}",
        "name": name,
        "brand": brand or None,
        "barcode": ident if raw.barcode else None,
        "kcal_100g": n.kcal,
        "protein_100g": n.protein,
        "carbs_100g": n.carbs,
        "fat_100g": n.fat,
        "generic": raw.generic,
        "source": raw.source,
        "aliases": "[]",
        "portions": json.dumps(raw.portions, ensure_ascii=False) if raw.portions else "[]",
        "default_grams": raw.portions[0][1] if raw.portions else 100.0,
        "search_name": search_name,
        "search_brand": fold(brand),
        "name_fr": None,  # imported products are named in English (or as sold); see docs/foods.md
    }, ""
