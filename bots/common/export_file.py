"""The /export file: one zip with a JSON file and one CSV file per table.

``winstreak-export.json`` holds everything (meals with their items nested); ``profile.csv``, ``meals.csv``,
``meal_items.csv``, ``weights.csv``, ``day_results.csv`` … hold one table each.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

from core.services.export_account import AccountExport, Row

JSON_NAME = "winstreak-export.json"
FORMAT_VERSION = 1


def file_name(export: AccountExport) -> str:
    """A name that differs per user and per moment, so no export overwrites another."""
    return f"winstreak-export-{int(export.user_id)}-{export.exported_at:%Y%m%d-%H%M%S}.zip"


def export_document(export: AccountExport) -> dict[str, object]:
    """The JSON document: the profile as an object, meals with their items, every other table as a list."""
    items: dict[object, list[Row]] = {}
    for item in export.tables.get("meal_items", []):
        items.setdefault(item["meal_id"], []).append(item)
    profile = export.tables["profile"][0]
    meals = [{**meal, "items": items.get(meal["id"], [])} for meal in export.tables.get("meals", [])]
    others = {name: rows for name, rows in export.tables.items() if name not in ("profile", "meals", "meal_items")}
    return {
        "format": "winstreak-export",
        "version": FORMAT_VERSION,
        "exported_at": export.exported_at.isoformat(),
        "profile": profile,
        "meals": meals,
        **dict(sorted(others.items())),
    }


def csv_text(rows: list[Row]) -> str:
    """Rows as CSV with a header line (the keys in order of first appearance); empty for no rows."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    if columns:
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def export_zip(export: AccountExport) -> bytes:
    """The zip file's bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        document = json.dumps(export_document(export), ensure_ascii=False, indent=2, default=str)
        archive.writestr(JSON_NAME, document)
        for name, rows in sorted(export.tables.items()):
            archive.writestr(f"{name}.csv", csv_text(rows))
    return buffer.getvalue()
