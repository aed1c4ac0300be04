"""Chat words and emoticons are not food: "pizza lol" is pizza (was wholly not understood)."""

from __future__ import annotations

import pytest

from core.food.text import normalise
from core.services.estimate_meal import CatalogMealEstimator


@pytest.mark.parametrize(
    ("text", "plain", "language"),
    [
        ("pizza lol", "pizza", "en"),
        ("a big mac haha", "a big mac", "en"),
        ("a banana lmao", "a banana", "en"),
        ("a big mac :)", "a big mac", "en"),
        ("2 eggs ;)", "2 eggs", "en"),
        ("une salade mdr", "une salade", "fr"),
    ],
)
async def test_chat_words_leave_the_food(estimator: CatalogMealEstimator, text: str, plain: str, language: str) -> None:
    said = await estimator.from_text(text, language)
    meant = await estimator.from_text(plain, language)
    assert not said.unparsed
    assert [(i.food_id, i.grams) for i in said.items] == [(i.food_id, i.grams) for i in meant.items]


@pytest.mark.parametrize("text", ["lollipop", "a lolly", "hazelnut", "a haddock fillet", "hummus", "a hoagie"])
def test_words_that_only_look_like_chat_are_kept(text: str) -> None:
    assert normalise(text).split() == text.split()
