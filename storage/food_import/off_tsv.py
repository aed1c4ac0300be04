"""Reader of the Open Food Facts CSV export: tab-separated, no quoting, one product a line."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from typing import IO

from core.food.nutrition_check import parse_number
from storage.food_import.records import RawFood

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
NAME_COLUMNS = ("product_name", "product_name_en", "product_name_fr", "generic_name", "abbreviated_product_name")


class MissingColumns(ValueError):
    """The file lacks the columns an Open Food Facts export has."""


def _column(header: list[str], name: str) -> int | None:
    return header.index(name) if name in header else None


def read_off_tsv(stream: IO[str]) -> Iterator[RawFood | None]:
    """Products of an export; a malformed line yields None (counted by the caller)."""
    reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip() for h in next(reader, [])]
    code = _column(header, "code")
    names = [i for i in (_column(header, n) for n in NAME_COLUMNS) if i is not None]
    if code is None or not names:
        raise MissingColumns("not an Open Food Facts export: needs the columns 'code' and 'product_name'")
    brand = _column(header, "brands")
    kcal = _column(header, "energy-kcal_100g")
    kj = _column(header, "energy-kj_100g")
    energy = _column(header, "energy_100g")
    protein, carbs, fat = (_column(header, n) for n in ("proteins_100g", "carbohydrates_100g", "fat_100g"))
    width = len(header)

    def cell(row: list[str], i: int | None) -> float | None:
        return parse_number(row[i]) if i is not None else None

    for row in reader:
        if len(row) < width:
            yield None
            continue
        name = next((row[i] for i in names if row[i].strip()), "")
        kilojoules = cell(row, kj)
        yield RawFood(
            "off",
            row[code],
            name,
            cell(row, kcal),
            kilojoules if kilojoules is not None else cell(row, energy),
            cell(row, protein),
            cell(row, carbs),
            cell(row, fat),
            brand=row[brand] if brand is not None else "",
        )
