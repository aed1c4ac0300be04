import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import make_engine
from storage.food.tables import FoodRow
from storage.food_import.formats import UnknownFormat
from storage.food_import.pipeline import ImportSummary, import_file
from tests.integration import food_files
from tests.shared_data import shared_path


@pytest.fixture
def engine(db_url: str) -> Iterator[AsyncEngine]:
    engine = make_engine(db_url)
    yield engine
    asyncio.run(engine.dispose())


def run_import(engine: AsyncEngine, path: Path, **kwargs: object) -> ImportSummary:
    async def _main() -> ImportSummary:
        try:
            return await import_file(engine, path, progress=False, **kwargs)  # type: ignore[arg-type]
        finally:
            await engine.dispose()

    return asyncio.run(_main())


def rows(engine: AsyncEngine, *where: ColumnElement[bool]) -> list[Any]:
    async def _main() -> list[Any]:
        try:
            async with engine.connect() as conn:
                return list(await conn.execute(select(FoodRow).where(*where).order_by(FoodRow.key)))
        finally:
            await engine.dispose()

    return asyncio.run(_main())


def count(engine: AsyncEngine) -> int:
    async def _main() -> int:
        try:
            async with engine.connect() as conn:
                return int(await conn.scalar(select(func.count()).select_from(FoodRow)) or 0)
        finally:
            await engine.dispose()

    return asyncio.run(_main())


@pytest.mark.parametrize("maker", ["tsv", "tsv_gz", "jsonl_gz", "parquet"])
def test_generated_files_count_good_and_bad_rows(engine: AsyncEngine, tmp_path: Path, maker: str) -> None:
    path = {
        "tsv": lambda: food_files.write_tsv(tmp_path / "products.csv"),
        "tsv_gz": lambda: food_files.write_tsv(tmp_path / "products.csv.gz", gz=True),
        "jsonl_gz": lambda: food_files.write_jsonl_gz(tmp_path / "products.jsonl.gz"),
        "parquet": lambda: food_files.write_flat_parquet(tmp_path / "products.parquet"),
    }[maker]()
    summary = run_import(engine, path)
    assert summary.read == len(food_files.ROWS)
    assert dict(summary.skipped) == food_files.SKIPPED
    assert count(engine) == food_files.GOOD
    by_key = {r.key: r for r in rows(engine)}
    assert by_key["off:3017620422003"].brand == "Ferrero"
    assert by_key["off:3017620422003"].kcal_100g == 539.0
    cola = by_key["off:5449000000996"]
    assert cola.name == "Coca-cola original"
    assert cola.kcal_100g == pytest.approx(43.0, abs=0.1)  # 180 kJ
    assert by_key["off:0036000291452"].barcode == "0036000291452"
    assert by_key["off:0036000291452"].kcal_100g == 412.0  # the later duplicate wins


def test_malformed_lines_are_counted(engine: AsyncEngine, tmp_path: Path) -> None:
    tsv = food_files.write_tsv(tmp_path / "p.tsv", extra_lines=["3000000000009\tonly two cells"])
    assert run_import(engine, tsv).skipped["malformed"] == 1
    jsonl = food_files.write_jsonl_gz(tmp_path / "p.jsonl.gz", extra_lines=["{not json", "[1, 2]"])
    assert run_import(engine, jsonl).skipped["malformed"] == 2


def test_importing_twice_updates_instead_of_duplicating(engine: AsyncEngine, tmp_path: Path) -> None:
    path = food_files.write_tsv(tmp_path / "products.tsv")
    first = run_import(engine, path)
    text = path.read_text().replace("Nutella\tFerrero,Nutella\t2252\t539", "Nutella 2\tFerrero\t2252\t540")
    path.write_text(text)
    second = run_import(engine, path)
    assert first.written == second.written == food_files.GOOD
    assert count(engine) == food_files.GOOD
    (nutella,) = rows(engine, FoodRow.key == "off:3017620422003")
    assert (nutella.name, nutella.kcal_100g) == ("Nutella 2", 540.0)


def test_usda_sr_rows_with_portions(engine: AsyncEngine, tmp_path: Path) -> None:
    summary = run_import(engine, food_files.write_sr(tmp_path / "sr.csv"))
    assert summary.written == 2 and dict(summary.skipped) == {"no_energy": 1}
    (butter,) = rows(engine, FoodRow.key == "usda:01001")
    assert butter.generic and butter.barcode is None
    assert json.loads(butter.portions) == [["1 pat", 5.0], ["1 tbsp", 14.2]]


def test_parallel_reader_process_gives_the_same_result(engine: AsyncEngine, tmp_path: Path) -> None:
    summary = run_import(engine, food_files.write_tsv(tmp_path / "p.tsv.gz", gz=True), parallel=True, batch=2)
    assert summary.written == food_files.GOOD
    assert dict(summary.skipped) == food_files.SKIPPED
    assert count(engine) == food_files.GOOD


def test_unknown_files_are_refused(engine: AsyncEngine, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello\nworld\n")
    with pytest.raises(UnknownFormat):
        run_import(engine, path)
    with pytest.raises(UnknownFormat):
        run_import(engine, tmp_path / "missing.csv")


def test_real_open_food_facts_tsv_sample(engine: AsyncEngine) -> None:
    path = shared_path("data", "openfoodfacts_export_sample_1k", "off_export_products_1k.tsv.gz")
    summary = run_import(engine, path)
    assert summary.read == 1000
    assert summary.written + sum(summary.skipped.values()) == 1000
    assert summary.skipped["no_energy"] > 500  # most rows of this slice carry no energy at all
    assert count(engine) == summary.written
    again = run_import(engine, path)
    assert again.written == summary.written and count(engine) == summary.written


def test_real_open_food_facts_parquet_sample(engine: AsyncEngine) -> None:
    path = shared_path("data", "openfoodfacts_export_sample_1k", "off_hf_product_database_1k.parquet")
    summary = run_import(engine, path)
    assert summary.read == 1000
    assert summary.written > 500
    assert summary.skipped["macros_impossible"] > 0
    (product,) = rows(engine, FoodRow.key == "off:0000101209159")
    assert product.brand == "Bovetti" and product.kcal_100g == 617.0


def test_real_usda_sr28(engine: AsyncEngine) -> None:
    path = shared_path("data", "usda_sr28", "sr28_foods.csv")
    summary = run_import(engine, path)
    assert summary.read == 8790
    assert summary.written > 8700
    (butter,) = rows(engine, FoodRow.key == "usda:01001")
    assert butter.name == "Butter, salted" and butter.kcal_100g == 717.0


def test_fooddata_central_folder(engine: AsyncEngine, tmp_path: Path) -> None:
    folder = tmp_path / "fdc"
    folder.mkdir()
    (folder / "food.csv").write_text(
        "fdc_id,data_type,description,food_category_id,publication_date\n"
        '1001,sr_legacy_food,"Oats, raw",20,2019-04-01\n'
        "1002,branded_food,CHOCO BAR,,2021-01-01\n"
        "1003,foundation_food,Mystery powder,,2021-01-01\n",
        encoding="utf-8",
    )
    (folder / "food_nutrient.csv").write_text(
        "id,fdc_id,nutrient_id,amount\n"
        "1,1001,1008,389\n2,1001,1003,16.9\n3,1001,1005,66.3\n4,1001,1004,6.9\n"
        "5,1002,1062,2000\n6,1002,1003,5\n7,1002,1005,60\n8,1002,1004,25\n"
        "9,1003,1003,10\n",
        encoding="utf-8",
    )
    summary = run_import(engine, folder)
    assert (summary.read, summary.written, dict(summary.skipped)) == (3, 2, {"no_energy": 1})
    oats, bar = rows(engine, FoodRow.source == "fdc")
    assert (oats.key, oats.kcal_100g, oats.generic) == ("fdc:1001", 389.0, True)
    assert (bar.name, bar.generic) == ("Choco bar", False)
    assert bar.kcal_100g == pytest.approx(478.0, abs=0.1)  # 2000 kJ
