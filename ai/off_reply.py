"""Checking an Open Food Facts product API (v2) reply and turning the product into a catalogue :class:`Food`.

Pure functions: ``status`` 0 (or HTTP 404) means not found; a product without an energy value, or with
values that fail the import's plausibility rules (:mod:`core.food.nutrition_check`), is not usable;
anything that is not the expected JSON is a failure. The default portion is ``serving_quantity`` when
it is a plausible serving (1–1000 g), else 100 g.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from core.food.normalize import clean_brand, clean_name
from core.food.nutrition_check import check, parse_number
from core.model.food import Food, Portion

FIELDS = "product_name,product_name_en,product_name_fr,brands,nutriments,serving_size,serving_quantity"
NAME_FIELDS = ("product_name", "product_name_en", "product_name_fr")  # many products fill only a language's name
MIN_SERVING_G, MAX_SERVING_G = 1.0, 1000.0


class LookupStatus(StrEnum):
    """What a barcode lookup gave."""

    FOUND = "found"
    NOT_FOUND = "not_found"
    UNUSABLE = "unusable"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ProductLookup:
    """The outcome of a lookup: the food when found, else why not (``detail`` is for the log)."""

    status: LookupStatus
    food: Food | None = None
    detail: str = ""


def _number(nutriments: dict[str, Any], key: str) -> float | None:
    value = nutriments.get(key)
    return parse_number(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else None


def _serving(product: dict[str, Any]) -> float | None:
    raw = product.get("serving_quantity")
    grams = parse_number(raw) if isinstance(raw, str | int | float) and not isinstance(raw, bool) else None
    return grams if grams is not None and MIN_SERVING_G <= grams <= MAX_SERVING_G else None


def product_food(code: str, product: dict[str, Any]) -> ProductLookup:
    """The product as a :class:`Food` per 100 g, or UNUSABLE with the rule it failed."""
    nutriments = product.get("nutriments")
    if not isinstance(nutriments, dict):
        return ProductLookup(LookupStatus.UNUSABLE, detail="no_nutriments")
    kj = _number(nutriments, "energy-kj_100g")
    verdict = check(
        _number(nutriments, "energy-kcal_100g"),
        kj if kj is not None else _number(nutriments, "energy_100g"),
        _number(nutriments, "proteins_100g"),
        _number(nutriments, "carbohydrates_100g"),
        _number(nutriments, "fat_100g"),
    )
    if verdict.nutrition is None:
        return ProductLookup(LookupStatus.UNUSABLE, detail=verdict.reason)
    names = (product.get(key) for key in NAME_FIELDS)
    name = next((clean_name(raw)[:300] for raw in names if isinstance(raw, str) and clean_name(raw)), "")
    brands = product.get("brands")
    brand = clean_brand(brands)[:200] if isinstance(brands, str) else ""
    serving = _serving(product)
    n = verdict.nutrition
    food = Food(
        id=f"off:{code}",
        name=name or f"Product {code}",
        kcal_100g=n.kcal,
        protein_100g=n.protein,
        carbs_100g=n.carbs,
        fat_100g=n.fat,
        brand=brand or None,
        barcode=code,
        portions=(Portion("serving", serving),) if serving is not None else (),
        default_grams=serving or 100.0,
    )
    return ProductLookup(LookupStatus.FOUND, food)


def parse_reply(code: str, body: bytes) -> ProductLookup:
    """The lookup outcome for a 200 reply's body."""
    try:
        data = json.loads(body)
    except ValueError:
        return ProductLookup(LookupStatus.FAILED, detail="malformed JSON")
    if not isinstance(data, dict):
        return ProductLookup(LookupStatus.FAILED, detail="reply is not a JSON object")
    if data.get("status") in (0, "0", "failure"):
        return ProductLookup(LookupStatus.NOT_FOUND, detail=str(data.get("status_verbose", "product not found")))
    product = data.get("product")
    if not isinstance(product, dict):
        return ProductLookup(LookupStatus.FAILED, detail="reply has no product object")
    return product_food(code, product)
