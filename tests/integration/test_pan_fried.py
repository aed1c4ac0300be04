"""Pan-fried is sautéed: a pan-fried chicken breast is a cooked breast, not battered fried chicken."""

from __future__ import annotations

import pytest

from core.food.text import normalise
from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("pan-fried", "sauteed"),
        ("Pan fried", "sauteed"),
        ("panfried", "sauteed"),
        ("pan-seared", "sauteed"),
        ("shallow-fried", "sauteed"),
        ("deep-fried", "deep-fried"),
        ("a pan pizza", "a pan pizza"),
        ("japan fried rice", "japan fried rice"),
    ],
)
def test_pan_fried_is_read_as_sauteed(written: str, read: str) -> None:
    assert normalise(written) == read


@pytest.mark.parametrize(
    "text", ["200g pan-fried chicken breast", "200g chicken breast pan fried", "200 g pan-seared chicken breast"]
)
async def test_a_pan_fried_breast_has_no_batter(estimator: CatalogMealEstimator, text: str) -> None:
    est = await estimator.from_text(text, "en")
    assert [i.name for i in est.items] == ["chicken breast, cooked"], est.items
    assert est.items[0].carbs_g == 0 and 280 <= est.total_kcal <= 420  # SR28 fried breast, meat only: 187 kcal/100 g


async def test_deep_fried_chicken_stays_fried_chicken(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("200g deep-fried chicken", "en")
    assert [i.name for i in est.items] == ["fried chicken"]
