from __future__ import annotations

import pytest

from core.model import ItemSource
from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("a banana", "en", 70, 140),
        ("a can of cola", "en", 110, 170),
        ("200 g of cooked white rice", "en", 220, 300),
        ("a medium apple", "en", 60, 120),
        ("une banane", "fr", 70, 140),
        ("un croissant", "fr", 150, 350),
    ],
)
async def test_common_foods_land_in_a_sane_range(
    estimator: CatalogMealEstimator, text: str, language: str, low: float, high: float
) -> None:
    est = await estimator.from_text(text, language)
    assert len(est.items) == 1, est
    assert low <= est.total_kcal <= high
    assert est.items[0].source is ItemSource.DATABASE and est.items[0].food_id


async def test_several_items_all_matched(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("For lunch I had a cheeseburger, french fries and a can of cola", "en")
    assert len(est.items) == 3 and est.unparsed == ()
    assert 600 <= est.total_kcal <= 1300
