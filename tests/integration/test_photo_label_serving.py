"""Label photos printed only per serving, through the composite estimator and the real rapidocr."""

from __future__ import annotations

import pytest

from ai import notes
from ai.estimator import CompositeEstimator
from ai.manual_kcal import StatedKcalEstimator
from core.model import ItemSource
from tests.media_samples import jpeg, label_picture

pytestmark = pytest.mark.slow

UNWEIGHED = [("", "Per biscuit", ""), ("Energy", "251 kJ / 60 kcal", ""), ("Fat", "2.5 g", ""), ("Protein", "1 g", "")]


async def test_servings_without_weight_are_counted_from_the_caption() -> None:
    estimator = CompositeEstimator(StatedKcalEstimator())
    photo = jpeg(label_picture("Nutrition", UNWEIGHED))
    one = await estimator.from_photo(photo, "", "en")
    (item,) = one.items
    assert (item.name, item.grams, item.kcal, item.source) == ("Food from the label (1 × biscuit)", 0.0, 60.0,
                                                               ItemSource.LABEL)  # fmt: skip
    assert one.notes == (notes.LABEL_PER_SERVING, notes.LABEL_SERVING_COUNT)
    three = await estimator.from_photo(photo, "3 cookies", "en")
    assert [(i.name, i.kcal, i.fat_g) for i in three.items] == [("cookies (3 × biscuit)", 180.0, 7.5)]
    assert three.notes == (notes.LABEL_PER_SERVING,)


async def test_weighed_serving_with_grams_in_the_caption() -> None:
    rows = [("", "per 1 bar (40 g)", ""), ("Energy", "180 kcal", ""), ("Carbohydrate", "24 g", "")]
    estimate = await CompositeEstimator(StatedKcalEstimator()).from_photo(jpeg(label_picture("Bar", rows)), "60g", "en")
    assert [(i.grams, i.kcal, i.carbs_g) for i in estimate.items] == [(60.0, 270.0, 36.0)]
    assert estimate.notes == (notes.LABEL_READ_SERVING,)
