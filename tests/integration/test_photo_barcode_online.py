"""Barcode photos through the composite estimator with the Open Food Facts lookup (stand-in API on 127.0.0.1).

The catalogue is asked first; a code it does not know goes to Open Food Facts only when switched on;
not found, server errors, timeouts and malformed replies fall back to the label and the caption with a note.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from ai import notes
from ai.estimator import CompositeEstimator
from ai.manual_kcal import StatedKcalEstimator
from core.model import ItemSource
from tests.fakes.food_catalog import FakeFoodCatalog, food
from tests.media_samples import barcode_picture, jpeg, label_picture
from tests.off_standin import OffStandIn, Scripted, off_product, serve_off
from winstreak.ai_wiring import build_estimator
from winstreak.settings import load_settings

SPREAD = "3017620422003"
KNOWN = dataclasses.replace(food("cola", "Cola", 42, 0, 10.6, 0, 330), generic=False, barcode="5449000000996")


@pytest.fixture
async def off() -> AsyncIterator[OffStandIn]:
    async with serve_off() as server:
        server.products[SPREAD] = off_product("Hazelnut spread", "Ferrero", 539, 6.3, 57.5, 30.9, 15)
        yield server


def estimator(off: OffStandIn, tmp_path: Path, online: bool = True) -> CompositeEstimator:
    settings = load_settings(
        data_dir=tmp_path, off_online=online, off_api_url=off.base_url, off_timeout_seconds=0.5, off_max_retries=1
    )
    return build_estimator(settings, StatedKcalEstimator(), FakeFoodCatalog([KNOWN]))


def photo(code: str) -> bytes:
    return jpeg(barcode_picture(code, zxingcpp.BarcodeFormat.EAN13))


async def test_product_from_open_food_facts_in_the_stated_amount(off: OffStandIn, tmp_path: Path) -> None:
    estimate = await estimator(off, tmp_path).from_photo(photo(SPREAD), "30 g", "en")
    (item,) = estimate.items
    assert (item.name, item.grams, item.kcal, item.source, item.food_id) == (
        "Hazelnut spread (Ferrero)", 30.0, 161.7, ItemSource.BARCODE, f"off:{SPREAD}"
    )  # fmt: skip
    assert estimate.notes == (notes.BARCODE_ONLINE,)


async def test_without_amount_one_serving_from_open_food_facts(off: OffStandIn, tmp_path: Path) -> None:
    estimate = await estimator(off, tmp_path).from_photo(photo(SPREAD), "", "en")
    assert [(i.grams, i.kcal) for i in estimate.items] == [(15.0, 80.8)]
    assert estimate.notes == (notes.BARCODE_ONLINE, notes.BARCODE_DEFAULT_PORTION)


async def test_the_catalogue_is_asked_first(off: OffStandIn, tmp_path: Path) -> None:
    estimate = await estimator(off, tmp_path).from_photo(photo("5449000000996"), "", "en")
    assert [i.food_id for i in estimate.items] == ["cola"] and off.requests == []


async def test_switched_off_means_no_request_at_all(off: OffStandIn, tmp_path: Path) -> None:
    estimate = await estimator(off, tmp_path, online=False).from_photo(photo(SPREAD), "toast 120 kcal", "en")
    assert off.requests == []
    assert [(i.name, i.kcal) for i in estimate.items] == [("toast", 120.0)]
    assert estimate.notes[:2] == (notes.BARCODE_UNKNOWN, notes.BARCODE_USED_CAPTION)  # how to have it known


async def test_default_settings_are_offline(tmp_path: Path) -> None:
    assert load_settings(data_dir=tmp_path, _env_file=None).off_online is False


@pytest.mark.parametrize(
    ("answers", "note"),
    [
        ((), notes.BARCODE_UNKNOWN_ONLINE),  # the stand-in answers 404 for an unknown code
        ((Scripted(500, {"error": "boom"}),) * 2, notes.BARCODE_ONLINE_FAILED),
        ((Scripted(200, {}, delay=1.0),) * 2, notes.BARCODE_ONLINE_FAILED),
        ((Scripted(200, b"<html>maintenance</html>"),), notes.BARCODE_ONLINE_FAILED),
        ((Scripted(200, {"status": 1, "product": {"nutriments": {}}}),), notes.BARCODE_ONLINE_UNUSABLE),
    ],
    ids=["not-found", "500", "timeout", "malformed", "no-energy"],
)  # fmt: skip
async def test_failures_fall_back_to_the_caption_with_a_note(
    off: OffStandIn, tmp_path: Path, answers: tuple[Scripted, ...], note: str
) -> None:
    off.queue(*answers)
    estimate = await estimator(off, tmp_path).from_photo(photo("4006381333931"), "chocolate 230 kcal", "en")
    assert [(i.name, i.kcal) for i in estimate.items] == [("chocolate", 230.0)]
    assert estimate.notes[:2] == (note, notes.BARCODE_USED_CAPTION)
    assert len(off.requests) >= 1


@pytest.mark.slow
async def test_unknown_product_falls_back_to_the_label_on_the_same_photo(off: OffStandIn, tmp_path: Path) -> None:
    rows = [("", "per 100 g", ""), ("Energy", "2000 kJ / 478 kcal", ""), ("Fat", "25 g", ""), ("Protein", "6 g", "")]
    label = label_picture("Nutrition", rows)
    code = barcode_picture("4006381333931", zxingcpp.BarcodeFormat.EAN13)
    pack = Image.new("RGB", (label.width + code.width + 40, max(label.height, code.height)), "white")
    pack.paste(label, (0, 0))
    pack.paste(code, (label.width + 40, 0))
    estimate = await estimator(off, tmp_path).from_photo(jpeg(pack), "40 g", "en")
    (item,) = estimate.items
    assert (item.source, item.grams, item.kcal) == (ItemSource.LABEL, 40.0, 191.2)
    assert estimate.notes == (notes.BARCODE_UNKNOWN_ONLINE, notes.BARCODE_USED_LABEL, notes.LABEL_READ)
    assert len(off.requests) == 1
