"""Reader of the Open Food Facts JSONL export (``openfoodfacts-products.jsonl.gz``): one product object a line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from core.food.nutrition_check import parse_number
from storage.food_import.records import RawFood

NAME_KEYS = ("product_name", "product_name_en", "product_name_fr", "generic_name")


def product_to_raw(product: dict[str, Any]) -> RawFood | None:
    """A product object (API / JSONL layout with a ``nutriments`` mapping) as a raw row."""
    code = product.get("code") or product.get("_id")
    if not isinstance(code, str | int):
        return None
    nutriments = product.get("nutriments") or {}
    if not isinstance(nutriments, dict):
        nutriments = {}

    def num(key: str) -> float | None:
        value = nutriments.get(key)
        return parse_number(value if isinstance(value, str | float | int) else None)

    name = next((str(product[k]) for k in NAME_KEYS if isinstance(product.get(k), str) and product[k].strip()), "")
    kj = num("energy-kj_100g")
    brands = product.get("brands")
    return RawFood(
        "off",
        str(code),
        name,
        num("energy-kcal_100g"),
        kj if kj is not None else num("energy_100g"),
        num("proteins_100g"),
        num("carbohydrates_100g"),
        num("fat_100g"),
        brand=brands if isinstance(brands, str) else "",
    )


def read_off_jsonl(stream: IO[str]) -> Iterator[RawFood | None]:
    """Products of a JSONL export; a line that is not a JSON object yields None."""
    for line in stream:
        if not line.strip():
            continue
        try:
            product = json.loads(line)
        except ValueError:
            yield None
            continue
        yield product_to_raw(product) if isinstance(product, dict) else None
