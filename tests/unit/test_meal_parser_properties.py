from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st

from core.food.parse import parse_meal
from core.food.quantities import NUMBER_WORDS
from core.food.segment import tokenize
from core.food.text import fold
from core.food.units import SIZE_WORDS, UNIT_WORDS
from core.food.vocabulary import FILLER
from core.services.estimate_meal import CatalogMealEstimator
from tests.fakes.food_catalog import SAMPLE_FOODS, FakeFoodCatalog

WORDS = st.sampled_from(
    ["2", "½", "1/2", "a", "of", "and", "with", "cup", "g", "kg", "slice", "large", "egg", "eggs", "rice", "toast",
     "café", "au", "lait", "et", "une", "tranche", "kcal", "800", "-5", ",", ".", "(", ")", "🍕", "'", ";", "--"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_parser_never_fails_and_stays_bounded(text: str) -> None:
    meal = parse_meal(text)
    for item in meal.items:
        assert item.amount >= 0
        assert len(item.text) <= 200
    assert all(len(u) <= 200 for u in meal.unparsed)
    if not meal.items and not meal.unparsed:  # nothing kept: only if nothing could name a food
        words = [t for t in tokenize(text) if t[:1].isalpha()]
        assert all(fold(w) in FILLER or w in UNIT_WORDS or w in NUMBER_WORDS or w in SIZE_WORDS for w in words)
        assert text.strip() == "" or tokenize(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_estimates_of_word_salad_are_sane(text: str) -> None:
    estimator = CatalogMealEstimator(FakeFoodCatalog(SAMPLE_FOODS))
    est = asyncio.run(estimator.from_text(text, "en"))
    assert 0 <= est.low_kcal <= est.total_kcal <= est.high_kcal
    assert all(0 <= i.grams <= 3000 and i.kcal <= 5000 for i in est.items)
