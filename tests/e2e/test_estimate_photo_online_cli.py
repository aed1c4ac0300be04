"""``winstreak estimate --photo FILE --json``: Open Food Facts barcodes (stand-in API) and per-serving labels."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
import zxingcpp

from ai import notes
from tests.media_samples import barcode_picture, label_picture, png
from tests.off_standin import OffStandIn, off_product, serve_off

SPREAD = "3017620422003"


async def run(*args: str, data_dir: Path, **env: str) -> dict[str, Any]:
    settings = {f"WINSTREAK_{k.upper()}": v for k, v in env.items()}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "winstreak", "estimate", *args, "--json",
        env={**os.environ, "WINSTREAK_DATA_DIR": str(data_dir), **settings},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), timeout=600)
    assert process.returncode == 0, err.decode()
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    return result


def barcode_file(folder: Path) -> Path:
    path = folder / "pack.png"
    path.write_bytes(png(barcode_picture(SPREAD, zxingcpp.BarcodeFormat.EAN13)))
    return path


async def test_barcode_found_on_open_food_facts(tmp_path: Path) -> None:
    async with serve_off() as off:
        off.products[SPREAD] = off_product("Hazelnut spread", "Ferrero", 539, 6.3, 57.5, 30.9, 15)
        photo = str(barcode_file(tmp_path))
        estimate = await run("20g", "--photo", photo, data_dir=tmp_path, off_online="true", off_api_url=off.base_url)
    (item,) = estimate["items"]
    assert (item["name"], item["grams"], item["kcal"], item["source"]) == (
        "Hazelnut spread (Ferrero)", 20.0, 107.8, "barcode"
    )  # fmt: skip
    assert estimate["notes"] == [notes.BARCODE_ONLINE]
    assert len(off.requests) == 1


@pytest.mark.slow
async def test_barcode_with_lookup_switched_off_asks_nothing(tmp_path: Path) -> None:
    off: OffStandIn
    async with serve_off() as off:
        off.products[SPREAD] = off_product("Hazelnut spread", "Ferrero", 539, 6.3, 57.5, 30.9, 15)
        photo = str(barcode_file(tmp_path))
        estimate = await run("spread 90 kcal", "--photo", photo, data_dir=tmp_path, off_api_url=off.base_url)
    assert off.requests == [] and [i["kcal"] for i in estimate["items"]] == [90.0]
    assert estimate["notes"] == [notes.BARCODE_UNKNOWN, notes.BARCODE_USED_CAPTION]  # how to have it known


@pytest.mark.slow
async def test_label_printed_per_serving(tmp_path: Path) -> None:
    rows = [("", "Par portion (30 g)", ""), ("Énergie", "477 kJ / 113 kcal", ""), ("Glucides", "17 g", "")]
    (tmp_path / "label.png").write_bytes(png(label_picture("Valeurs nutritionnelles", rows)))
    estimate = await run("--photo", str(tmp_path / "label.png"), data_dir=tmp_path)
    (item,) = estimate["items"]
    assert (item["source"], item["grams"], item["kcal"], item["carbs_g"]) == ("label", 30.0, 113.0, 17.0)
    assert estimate["notes"] == [notes.LABEL_READ_SERVING, notes.LABEL_ONE_SERVING]
