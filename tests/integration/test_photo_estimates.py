"""Photos through the composite estimator, offline: barcode -> catalogue, label -> per 100 g, caption, clear notes."""

from __future__ import annotations

import dataclasses

import pytest
import zxingcpp

from ai import notes
from ai.estimator import CompositeEstimator
from ai.manual_kcal import StatedKcalEstimator
from core.model import ItemSource
from tests.fakes.food_catalog import FakeFoodCatalog, food
from tests.media_samples import barcode_picture, jpeg, label_picture, png

COLA = dataclasses.replace(
    food("cola-330", "Cola", 42, 0, 10.6, 0, 330), generic=False, brand="Fizz", barcode="5449000000996"
)
BAR = dataclasses.replace(food("bar", "Cereal bar", 380, 6, 64, 10, 25), generic=False, barcode="0036000291452")


@pytest.fixture
def estimator() -> CompositeEstimator:
    return CompositeEstimator(StatedKcalEstimator(), catalog=FakeFoodCatalog([COLA, BAR]))


def _photo(code: str, fmt: zxingcpp.BarcodeFormat = zxingcpp.BarcodeFormat.EAN13, angle: int = 0) -> bytes:
    return jpeg(barcode_picture(code, fmt).rotate(angle, expand=True, fillcolor="white"))


async def test_barcode_with_amount_in_caption(estimator: CompositeEstimator) -> None:
    estimate = await estimator.from_photo(_photo("5449000000996", angle=35), "500 ml", "en")
    (item,) = estimate.items
    assert (item.name, item.grams, item.kcal, item.source, item.food_id) == (
        "Cola (Fizz)",
        500.0,
        210.0,
        ItemSource.BARCODE,
        "cola-330",
    )
    assert item.carbs_g == 53.0
    assert estimate.notes == ()


async def test_barcode_without_amount_uses_the_default_portion(estimator: CompositeEstimator) -> None:
    estimate = await estimator.from_photo(_photo("5449000000996"), "", "en")
    assert [(i.grams, i.kcal) for i in estimate.items] == [(330.0, 138.6)]
    assert estimate.notes == (notes.BARCODE_DEFAULT_PORTION,)
    assert estimate.low_kcal < 138.6 < estimate.high_kcal


async def test_upc_a_code_finds_the_ean13_spelling(estimator: CompositeEstimator) -> None:
    estimate = await estimator.from_photo(_photo("036000291452", zxingcpp.BarcodeFormat.UPCA), "", "en")
    assert [i.food_id for i in estimate.items] == ["bar"]


async def test_unknown_barcode_uses_the_caption(estimator: CompositeEstimator) -> None:
    estimate = await estimator.from_photo(_photo("4006381333931"), "chocolate 230 kcal", "en")
    assert [(i.name, i.kcal) for i in estimate.items] == [("chocolate", 230.0)]
    assert estimate.notes[:2] == (notes.BARCODE_UNKNOWN, notes.BARCODE_USED_CAPTION)
    asked = await estimator.from_photo(_photo("4006381333931"), "", "en")
    assert asked.items == () and asked.notes == (notes.BARCODE_UNKNOWN, notes.BARCODE_DESCRIBE)  # one clear reply


@pytest.mark.slow
async def test_nutrition_label_with_grams_in_caption(estimator: CompositeEstimator) -> None:
    rows = [("", "per 100 g", "per 40 g"), ("Energy", "1883 kJ / 450 kcal", ""), ("Fat", "20 g", "8 g"),
            ("Carbohydrate", "60 g", "24 g"), ("Protein", "7 g", "2.8 g")]  # fmt: skip
    estimate = await estimator.from_photo(png(label_picture("Nutrition", rows)), "granola 40 g", "en")
    (item,) = estimate.items
    assert (item.name, item.grams, item.kcal, item.source) == ("granola", 40.0, 180.0, ItemSource.LABEL)
    assert (item.protein_g, item.carbs_g, item.fat_g) == (2.8, 24.0, 8.0)
    assert estimate.notes == (notes.LABEL_READ,)
    plain = await estimator.from_photo(png(label_picture("Nutrition", rows)), "", "en")
    assert [(i.grams, i.kcal) for i in plain.items] == [(100.0, 450.0)]
    assert plain.notes == (notes.LABEL_READ, notes.LABEL_DEFAULT_GRAMS)


@pytest.mark.slow
async def test_dish_photo_without_ai_asks_for_words(estimator: CompositeEstimator) -> None:
    from PIL import Image

    dish = jpeg(Image.new("RGB", (640, 480), (200, 150, 90)))
    asked = await estimator.from_photo(dish, "", "en")
    assert asked.items == () and asked.notes == (notes.PHOTO_NEEDS_AI,)
    captioned = await estimator.from_photo(dish, "lasagne 650 kcal", "en")
    assert captioned.total_kcal == 650.0
    assert captioned.notes[0] == notes.PHOTO_CAPTION_ONLY
    remark = await estimator.from_photo(dish, "my lunch", "en")  # a caption that names no food is not "used"
    assert remark.items == () and notes.PHOTO_NEEDS_AI in remark.notes
    assert notes.PHOTO_CAPTION_ONLY not in remark.notes


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4 not a photo", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64])
async def test_bad_files_get_a_clear_note_and_the_caption_still_counts(
    estimator: CompositeEstimator, data: bytes
) -> None:
    bare = await estimator.from_photo(data, "", "en")
    assert bare.items == ()
    assert bare.notes[0] in (notes.IMAGE_EMPTY, notes.IMAGE_UNREADABLE)
    assert bare.notes[-1] == notes.PHOTO_DESCRIBE
    captioned = await estimator.from_photo(data, "toast 90 kcal", "en")
    assert captioned.total_kcal == 90.0
    assert notes.PHOTO_USED_CAPTION in captioned.notes
