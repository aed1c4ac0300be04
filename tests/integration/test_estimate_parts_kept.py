"""Everyday messages on the built-in foods: dishes keep their parts, unknown words are shown, eaten forms, display."""

from __future__ import annotations

import re

import pytest

from bots.common.render import estimate_text
from core.services.estimate_meal import CatalogMealEstimator


def _names(est: object) -> str:
    return " | ".join(i.name for i in getattr(est, "items", ()))


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("greek yogurt 150g with granola", ("yogurt", "granola")),
        ("chicken caesar salad", ("caesar", "chicken")),
        ("2 scrambled eggs on toast", ("egg", "toast")),
        ("a frankfurter on white bread", ("bread",)),
    ],
)
async def test_compound_messages_keep_every_food(
    estimator: CatalogMealEstimator, text: str, parts: tuple[str, ...]
) -> None:
    est = await estimator.from_text(text, "en")
    names = _names(est)
    assert all(part in names for part in parts), (text, names)
    assert est.unparsed == ()


async def test_a_word_that_is_no_food_is_shown_not_dropped(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("bold 2 eggs", "en")
    assert est.unparsed == ("bold",)
    (egg,) = est.items
    assert "egg" in egg.name and egg.count == 2


async def test_an_unknown_word_before_a_dish_is_shown(estimator: CatalogMealEstimator) -> None:
    known = await estimator.from_text("a turkey sandwich", "en")
    assert known.unparsed == () and len(known.items) == 1  # the turkey is in the sandwich
    unknown = await estimator.from_text("a zzxqv sandwich", "en")
    assert unknown.unparsed == ("zzxqv",)


async def test_database_commands_are_not_food(estimator: CatalogMealEstimator) -> None:
    est = await estimator.from_text("'; DROP TABLE meals; --", "en")
    assert est.items == () and est.unparsed


async def test_eggs_are_eaten_cooked_unless_said_raw(estimator: CatalogMealEstimator) -> None:
    plain = await estimator.from_text("2 eggs", "en")
    assert "raw" not in _names(plain) and "egg" in _names(plain)
    raw = await estimator.from_text("a raw egg", "en")
    assert "raw" in _names(raw)


@pytest.mark.parametrize(
    "text",
    ["2 eggs and a slice of toast", "for breakfast: 2 eggs and bacon", "grilled chicken breast with rice and broccoli",
     "big mac and medium fries", "un croissant et un café au lait", "half an avocado on toast"],
)  # fmt: skip
async def test_items_shown_add_up_to_the_total_shown(estimator: CatalogMealEstimator, text: str) -> None:
    est = await estimator.from_text(text, "en")
    shown = estimate_text("en", est)
    items = [int(k) for k in re.findall(r"^\d+\. .*?(\d+) kcal", shown, re.MULTILINE)]
    total = int(re.search(r"Total: (\d+) kcal", shown).group(1))  # type: ignore[union-attr]
    assert len(items) == len(est.items) and sum(items) == total, shown
    assert total == round(est.total_kcal)


async def test_counts_are_shown_with_the_grams(estimator: CatalogMealEstimator) -> None:
    shown = estimate_text("en", await estimator.from_text("2 eggs and a slice of toast", "en"))
    assert re.search(r"^1\. 2 × egg[^—]* — 100 g, \d+ kcal", shown, re.MULTILINE), shown
