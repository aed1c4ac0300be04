"""Reader of Open Food Facts parquet files, one record batch at a time.

Two layouts: the Hugging Face ``product-database`` one (names and nutriments as lists of structs)
and a flat one with the CSV export's column names.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from core.food.nutrition_check import parse_number
from storage.food_import.off_jsonl import product_to_raw
from storage.food_import.records import RawFood

BATCH_ROWS = 8192
FLAT = ("code", "product_name", "brands", "energy-kcal_100g", "energy-kj_100g", "energy_100g")
FLAT_MACROS = ("proteins_100g", "carbohydrates_100g", "fat_100g")


def parquet_rows(path: Path) -> int:
    """Number of rows, from the footer."""
    return int(pq.ParquetFile(path).metadata.num_rows)


def _name(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        texts = [(v.get("lang"), v.get("text") or "") for v in value if isinstance(v, dict)]
        main = [t for lang, t in texts if lang == "main" and t.strip()]
        others = [t for _, t in texts if t.strip()]
        return (main or others or [""])[0]
    return ""


def _nutriments(value: Any) -> dict[str, Any]:
    if not isinstance(value, list):
        return {}
    out: dict[str, Any] = {}
    for item in value:
        if isinstance(item, dict) and item.get("name") and item.get("100g") is not None:
            out[f"{item['name']}_100g"] = item["100g"]
    return out


def read_off_parquet(path: Path) -> Iterator[RawFood | None]:
    """Products of a parquet file; reads one record batch at a time (constant memory)."""
    file = pq.ParquetFile(path)
    names = set(file.schema_arrow.names)
    if "nutriments" in names:
        columns = [c for c in ("code", "product_name", "brands", "nutriments") if c in names]
        for batch in file.iter_batches(batch_size=BATCH_ROWS, columns=columns):
            for row in batch.to_pylist():
                product = {
                    "code": row.get("code"),
                    "product_name": _name(row.get("product_name")),
                    "brands": row.get("brands"),
                    "nutriments": _nutriments(row.get("nutriments")),
                }
                yield product_to_raw(product)
        return
    columns = [c for c in (*FLAT, *FLAT_MACROS) if c in names]
    for batch in file.iter_batches(batch_size=BATCH_ROWS, columns=columns):
        for row in batch.to_pylist():
            nutr = {k: row.get(k) for k in (*FLAT[3:], *FLAT_MACROS)}
            product = {
                "code": row.get("code"),
                "product_name": _name(row.get("product_name")),
                "brands": row.get("brands"),
            }
            product["nutriments"] = {k: parse_number(v) if isinstance(v, str) else v for k, v in nutr.items()}
            yield product_to_raw(product)
