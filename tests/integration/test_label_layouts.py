"""Nutrition labels of each layout, drawn with Pillow and read by the real OCR: US per serving, EU per 100 g, both."""

from __future__ import annotations

import pytest

from ai import notes
from ai.estimator import CompositeEstimator
from ai.manual_kcal import StatedKcalEstimator
from tests.media_samples import label_picture, png

pytestmark = pytest.mark.slow

US_ROWS = [("Serving size 30g", "", ""), ("Calories", "120", ""), ("Total Fat", "4.5g", ""),
           ("Total Carbohydrate", "18g", ""), ("Protein", "3g", "")]  # fmt: skip
EU_ROWS = [("", "per 100 g", ""), ("Energy", "1590 kJ / 380 kcal", ""), ("Fat", "9.5 g", ""),
           ("Carbohydrate", "58 g", ""), ("Protein", "12 g", "")]  # fmt: skip
BOTH_ROWS = [("", "per 100 g", "per bar (30g)"), ("Energy", "1590 kJ / 380 kcal", "477 kJ / 114 kcal"),
             ("Fat", "9.5 g", "2.9 g"), ("Carbohydrate", "58 g", "17 g"), ("Protein", "12 g", "3.6 g")]  # fmt: skip


@pytest.fixture(scope="module")
def estimator() -> CompositeEstimator:
    return CompositeEstimator(StatedKcalEstimator())


@pytest.mark.parametrize("amount_line", [False, True])
async def test_us_label_is_per_serving(estimator: CompositeEstimator, amount_line: bool) -> None:
    rows = [US_ROWS[0], *([("Amount per serving", "", "")] if amount_line else []), *US_ROWS[1:]]
    photo = png(label_picture("Nutrition Facts", rows))
    eaten = await estimator.from_photo(photo, "45g", "en")
    assert [(i.grams, round(i.kcal)) for i in eaten.items] == [(45.0, 180)]  # 120 kcal per 30 g serving
    one = await estimator.from_photo(photo, "", "en")
    assert [(i.grams, round(i.kcal)) for i in one.items] == [(30.0, 120)]
    assert notes.LABEL_ONE_SERVING in one.notes


async def test_eu_label_is_per_100g(estimator: CompositeEstimator) -> None:
    photo = png(label_picture("Nutrition", EU_ROWS))
    eaten = await estimator.from_photo(photo, "45g", "en")
    assert [(i.grams, i.kcal) for i in eaten.items] == [(45.0, 171.0)]
    assert eaten.notes == (notes.LABEL_READ,)


async def test_label_with_both_columns(estimator: CompositeEstimator) -> None:
    photo = png(label_picture("Nutrition", BOTH_ROWS))
    eaten = await estimator.from_photo(photo, "45g", "en")
    assert [(i.grams, i.kcal) for i in eaten.items] == [(45.0, 171.0)]  # per 100 g values, not the portion's
    one = await estimator.from_photo(photo, "", "en")
    assert [(i.grams, i.kcal) for i in one.items] == [(30.0, 114.0)]  # one printed portion
    assert one.notes == (notes.LABEL_READ, notes.LABEL_ONE_SERVING)
