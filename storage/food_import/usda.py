"""Readers of USDA data: SR28 / SR Legacy CSV and a FoodData Central CSV folder.

SR28 has one food a row, with household portions; FoodData Central is a folder holding ``food.csv``
and ``food_nutrient.csv``.

FoodData Central keeps nutrients in a separate long table; only the five values needed per food are
kept while streaming it, so memory grows with the number of foods, not with the nutrient rows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from core.food.nutrition_check import parse_number
from storage.food_import.records import RawFood

# Column names of the SR28 files shipped as sr28_foods.csv and of the original ABBREV table.
SR_LAYOUTS = {
    "ndb_no": ("ndb_no", "description", "energy_kcal_100g", "protein_g_100g", "carbohydrate_g_100g", "fat_g_100g"),
    "NDB_No": ("NDB_No", "Long_Desc", "Energ_Kcal", "Protein_g", "Carbohydrt_g", "Lipid_Tot_g"),
}
SR_PORTIONS = (("portion1_desc", "portion1_g"), ("portion2_desc", "portion2_g"), ("GmWt_Desc1", "GmWt_1"))
BRANDED_GROUPS = {"Fast Foods", "Restaurant Foods", "Baby Foods"}
# FoodData Central nutrient ids: energy kcal (plus the two Atwater variants), energy kJ, protein, carbs, fat.
FDC_KCAL = ("1008", "2047", "2048")
FDC_NUTRIENTS = {"1008": 0, "2047": 0, "2048": 0, "1062": 1, "1003": 2, "1005": 3, "1004": 4}


def is_sr_header(header: list[str]) -> bool:
    """Whether a CSV header is one of the SR28 layouts."""
    return bool(header) and header[0] in SR_LAYOUTS


def read_sr(stream: IO[str]) -> Iterator[RawFood | None]:
    """Foods of an SR28 CSV (either layout)."""
    reader = csv.DictReader(stream)
    first = (reader.fieldnames or [""])[0]
    ndb, desc, kcal, protein, carbs, fat = SR_LAYOUTS[first]
    for row in reader:
        portions = []
        for label, grams in SR_PORTIONS:
            weight = parse_number(row.get(grams))
            if row.get(label) and weight:
                portions.append((" ".join(str(row[label]).split()), weight))
        group = row.get("food_group") or row.get("FdGrp_Desc") or ""
        yield RawFood(
            "usda",
            row.get(ndb) or "",
            row.get(desc) or "",
            parse_number(row.get(kcal)),
            None,
            parse_number(row.get(protein)),
            parse_number(row.get(carbs)),
            parse_number(row.get(fat)),
            brand=row.get("manufacturer") or "",
            barcode=False,
            generic=group not in BRANDED_GROUPS and not row.get("manufacturer"),
            portions=portions,
        )


def read_fdc_folder(folder: Path) -> Iterator[RawFood | None]:
    """Foods of a FoodData Central CSV download (a folder holding food.csv and food_nutrient.csv)."""
    values: dict[str, list[float | None]] = {}
    with (folder / "food_nutrient.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            slot = FDC_NUTRIENTS.get(row.get("nutrient_id") or "")
            if slot is None:
                continue
            entry = values.setdefault(row["fdc_id"], [None] * 5)
            if entry[slot] is None:
                entry[slot] = parse_number(row.get("amount"))
    with (folder / "food.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            kcal, kj, protein, carbs, fat = values.get(row.get("fdc_id") or "", [None] * 5)
            branded = row.get("data_type") == "branded_food"
            yield RawFood(
                "fdc", row.get("fdc_id") or "", row.get("description") or "", kcal, kj, protein, carbs, fat,
                barcode=False, generic=not branded,
            )  # fmt: skip
