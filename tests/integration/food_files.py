"""Small generated food export files with known good and bad rows, in every format the importer reads."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

HEADER = ["code", "product_name", "brands", "energy-kj_100g", "energy-kcal_100g", "energy_100g",
          "fat_100g", "carbohydrates_100g", "proteins_100g"]  # fmt: skip

# (code, name, brands, kJ, kcal, fat, carbs, protein); None = empty cell
ROWS = [
    ("3017620422003", "Nutella", "Ferrero,Nutella", "2252", "539", "30.9", "57.5", "6.3"),  # good
    ("5449000000996", "  COCA-COLA   ORIGINAL ", "Coca-Cola", "180", "", "0", "10.6", "0"),  # kJ only
    ("036000291452", "Cereal bar", "Kind", "", "410", "20", "55", "8"),  # UPC-A, stored as EAN-13
    ("0036000291452", "Cereal bar (duplicate in 13 digits)", "Kind", "", "412", "20", "55", "8"),  # same product
    ("3000000000001", "No energy at all", "", "", "", "1", "2", "3"),  # no_energy
    ("3000000000002", "Too energetic", "", "", "1200", "1", "2", "3"),  # kcal_out_of_range
    ("3000000000003", "Impossible macros", "", "", "300", "60", "60", "10"),  # macros_impossible
    ("3000000000004", "", "", "", "100", "1", "2", "3"),  # no_name
    ("30000000000x5", "Bad code", "", "", "100", "1", "2", "3"),  # bad_barcode
]
GOOD = 3  # distinct products written
SKIPPED = {"no_energy": 1, "kcal_out_of_range": 1, "macros_impossible": 1, "no_name": 1, "bad_barcode": 1}


def _cells(row: tuple[str, ...]) -> list[str]:
    code, name, brands, kj, kcal, fat, carbs, protein = row
    return [code, name, brands, kj, kcal, kj, fat, carbs, protein]


def write_tsv(path: Path, *, gz: bool = False, extra_lines: list[str] | None = None) -> Path:
    lines = ["\t".join(HEADER)] + ["\t".join(_cells(r)) for r in ROWS] + (extra_lines or [])
    text = "\n".join(lines) + "\n"
    if gz:
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _product(row: tuple[str, ...]) -> dict[str, object]:
    code, name, brands, kj, kcal, fat, carbs, protein = row
    nutriments: dict[str, object] = {}
    for key, value in (("energy-kj_100g", kj), ("energy-kcal_100g", kcal), ("fat_100g", fat),
                       ("carbohydrates_100g", carbs), ("proteins_100g", protein)):  # fmt: skip
        if value:
            nutriments[key] = float(value)
    return {"code": code, "product_name": name, "brands": brands, "nutriments": nutriments}


def write_jsonl_gz(path: Path, *, extra_lines: list[str] | None = None) -> Path:
    lines = [json.dumps(_product(r)) for r in ROWS] + (extra_lines or [])
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    return path


def write_flat_parquet(path: Path) -> Path:
    columns = {name: [] for name in HEADER}  # type: dict[str, list[object]]
    for row in ROWS:
        for name, cell in zip(HEADER, _cells(row), strict=True):
            columns[name].append(
                cell if name in ("code", "product_name", "brands") else (float(cell) if cell else None)
            )
    pq.write_table(pa.table(columns), path, row_group_size=4)
    return path


def write_sr(path: Path) -> Path:
    path.write_text(
        "ndb_no,description,food_group,manufacturer,energy_kcal_100g,protein_g_100g,fat_g_100g,"
        "carbohydrate_g_100g,portion1_g,portion1_desc,portion2_g,portion2_desc\n"
        '01001,"Butter, salted",Dairy and Egg Products,,717,0.85,81.11,0.06,5.0,1 pat,14.2,1 tbsp\n'
        '09040,"Bananas, raw",Fruits and Fruit Juices,,89,1.09,0.33,22.84,118,1 medium,,\n'
        '99999,"Broken row",Fruits and Fruit Juices,,,1,1,1,,,,\n',
        encoding="utf-8",
    )
    return path
