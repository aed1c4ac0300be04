"""Recognising what an import path holds, from its content rather than its name."""

from __future__ import annotations

from pathlib import Path

from storage.food_import.sources import open_text

OFF_TSV = "off-tsv"
OFF_JSONL = "off-jsonl"
OFF_PARQUET = "off-parquet"
USDA_SR = "usda-sr"
USDA_FDC = "usda-fdc"


class UnknownFormat(ValueError):
    """The path is not a food export this program reads; the message says what is accepted."""


ACCEPTED = (
    "Open Food Facts CSV/TSV export (.csv, .tsv, .gz), JSONL (.jsonl, .jsonl.gz), parquet; "
    "USDA SR28 CSV; a FoodData Central CSV folder (food.csv + food_nutrient.csv)"
)


def detect(path: Path) -> str:
    """The format of ``path``; raises :class:`UnknownFormat`."""
    if path.is_dir():
        if (path / "food.csv").is_file() and (path / "food_nutrient.csv").is_file():
            return USDA_FDC
        raise UnknownFormat(f"{path} is a folder without food.csv and food_nutrient.csv. Accepted: {ACCEPTED}")
    if not path.is_file():
        raise UnknownFormat(f"{path} does not exist")
    with path.open("rb") as f:
        if f.read(4) == b"PAR1":
            return OFF_PARQUET
    stream, _ = open_text(path)
    try:
        first = stream.readline(1 << 16)
    except (OSError, EOFError) as err:
        raise UnknownFormat(f"{path} cannot be read: {err}") from None
    finally:
        stream.close()
    if first.lstrip().startswith("{"):
        return OFF_JSONL
    header = first.rstrip("\r\n")
    if "\t" in header and "code" in header.split("\t"):
        return OFF_TSV
    if header.split(",", 1)[0].strip('"') in ("ndb_no", "NDB_No"):
        return USDA_SR
    raise UnknownFormat(f"{path} is not a recognised food export. Accepted: {ACCEPTED}")
