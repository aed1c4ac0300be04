"""An unknown compound name is its class of food: "parrotfish" is a fish; goldfish crackers stay."""

from __future__ import annotations

import pytest

from core.food.coverage import uncovered
from core.food.items import ParsedItem
from core.food.matching import rank, search_queries
from core.food.vocabulary import compound_head
from core.model.food import Food

FISH = Food("fish", "fish, cooked", 120, 24, 0, 2.5, generic=True, aliases=("fish", "boiled fish"))
CRACKERS = Food("crackers", "butter crackers", 495, 7, 60, 25, aliases=("goldfish crackers",))
CATFISH = Food("catfish", "catfish, cooked", 144, 18, 0, 7.6, aliases=("catfish",))
SOUP = Food("soup", "vegetable soup", 40, 1, 7, 1)


def _item(*words: str) -> ParsedItem:
    return ParsedItem(text=" ".join(words), words=words)


@pytest.mark.parametrize(
    ("stem", "kind"),
    [("lionfish", "fish"), ("cloudberry", "berry"), ("wintermelon", "melon"), ("fish", None), ("ofish", None)],
)
def test_compound_head_needs_a_real_prefix(stem: str, kind: str | None) -> None:
    assert compound_head(stem) == kind


def test_an_unknown_compound_also_asks_for_its_class() -> None:
    queries = search_queries(_item("grilled", "lionfish"), head_first=False)
    assert "grilled fish" in queries and "fish" in queries


def test_a_plain_word_asks_for_no_class() -> None:
    assert search_queries(_item("grilled", "salmon"), head_first=False) == ["grilled salmon", "salmon"]


def test_an_unknown_fish_is_a_fish() -> None:
    ranked = rank(_item("boiled", "parrotfish"), [(SOUP, 0.5), (FISH, 0.5)])
    assert ranked[0].food is FISH and ranked[0].score >= 0.7


def test_a_compound_a_food_names_is_that_food_not_its_class() -> None:
    ranked = rank(_item("goldfish"), [(FISH, 0.9), (CRACKERS, 0.5)])
    assert ranked[0].food is CRACKERS


def test_a_known_compound_beats_its_class() -> None:
    ranked = rank(_item("catfish"), [(FISH, 0.9), (CATFISH, 0.5)])
    assert ranked[0].food is CATFISH


def test_the_class_word_covers_the_compound() -> None:
    assert uncovered(["parrotfish"], FISH) == []
    assert uncovered(["parrotsoup"], FISH) == ["parrotsoup"]
