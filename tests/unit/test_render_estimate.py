"""How an estimate reads before it is saved: weights shown when known, never a made-up "0 g"."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from bots.common.render import estimate_text, whole_parts
from core.model import ItemSource, MealItem
from core.model.estimate import Estimate


def _item(name: str, grams: float, kcal: float) -> MealItem:
    return MealItem(name, grams, kcal, 3.0, 20.0, 4.0, ItemSource.LABEL, kcal * 0.9, kcal * 1.1)


def test_items_show_their_weight_and_the_total_range() -> None:
    text = estimate_text("en", Estimate((_item("oat biscuit", 30, 140), _item("tea", 250, 2))))
    assert "1. oat biscuit — 30 g, 140 kcal (P 3 g · C 20 g · F 4 g)" in text
    assert "2. tea — 250 g, 2 kcal" in text
    assert "Total: 142 kcal (likely 128–156)" in text


def test_macros_are_abbreviated_in_the_users_language() -> None:
    text = estimate_text("fr", Estimate((_item("biscuit à l’avoine", 30, 140),)))
    assert "(P 3 g · G 20 g · L 4 g)" in text  # protéines, glucides, lipides


def test_an_item_known_only_by_its_kcal_shows_no_weight() -> None:
    text = estimate_text("en", Estimate((_item("1 serving (label)", 0, 230),)))
    assert "1. 1 serving (label) — 230 kcal" in text
    assert "0 g," not in text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=5000, allow_nan=False), max_size=12))
def test_whole_parts_add_up_to_the_rounded_total(values: list[float]) -> None:
    parts = whole_parts(values)
    assert sum(parts) == round(sum(values))
    assert all(abs(p - v) <= 1 for p, v in zip(parts, values, strict=True))


def test_items_shown_add_up_to_the_total_and_counts_are_shown() -> None:
    egg = dataclasses.replace(_item("egg, boiled", 100, 143.4), count=2.0)
    text = estimate_text("en", Estimate((egg, _item("toast", 22, 64.4))))
    assert "1. 2 × egg, boiled — 100 g, 144 kcal" in text
    assert "2. toast — 22 g, 64 kcal" in text
    assert "Total: 208 kcal" in text
