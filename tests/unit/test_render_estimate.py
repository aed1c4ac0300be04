"""How an estimate reads before it is saved: weights shown when known, never a made-up "0 g"."""

from __future__ import annotations

from bots.common.render import estimate_text
from core.model import ItemSource, MealItem
from core.model.estimate import Estimate


def _item(name: str, grams: float, kcal: float) -> MealItem:
    return MealItem(name, grams, kcal, 3.0, 20.0, 4.0, ItemSource.LABEL, kcal * 0.9, kcal * 1.1)


def test_items_show_their_weight_and_the_total_range() -> None:
    text = estimate_text("en", Estimate((_item("oat biscuit", 30, 140), _item("tea", 250, 2))))
    assert "1. oat biscuit — 30 g, 140 kcal (P 3 g · C 20 g · F 4 g)" in text
    assert "2. tea — 250 g, 2 kcal" in text
    assert "Total: 142 kcal (likely 128–156)" in text


def test_an_item_known_only_by_its_kcal_shows_no_weight() -> None:
    text = estimate_text("en", Estimate((_item("1 serving (label)", 0, 230),)))
    assert "1. 1 serving (label) — 230 kcal" in text
    assert "0 g," not in text
