"""Whatever an AI model answers, checked items stay inside sane limits and bad text is a BadReply."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ai.ai_reply import MAX_GRAMS, MAX_ITEM_KCAL, MAX_KCAL_PER_GRAM, AiItem, BadReply, clamp_item, parse_reply

numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@given(st.text(min_size=1, max_size=300), numbers, numbers, numbers, numbers, numbers)
def test_clamped_items_are_always_sane(name: str, grams: float, kcal: float, p: float, c: float, f: float) -> None:
    item, _changed = clamp_item(AiItem(name=name, grams=grams, kcal=kcal, protein_g=p, carbs_g=c, fat_g=f), 0.2)
    assert 0 <= item.grams <= MAX_GRAMS
    assert 0 <= item.kcal <= MAX_ITEM_KCAL
    if item.grams > 0:
        assert item.kcal <= item.grams * MAX_KCAL_PER_GRAM + 0.1
        assert item.protein_g + item.carbs_g + item.fat_g <= item.grams + 0.2
    assert item.low_kcal <= item.kcal <= item.high_kcal
    assert len(item.name) <= 200


def test_a_sane_item_is_left_alone() -> None:
    item, changed = clamp_item(AiItem(name="Apple", grams=150, kcal=78, protein_g=0.4, carbs_g=21, fat_g=0.3), 0.2)
    assert not changed
    assert (item.grams, item.kcal, item.carbs_g) == (150.0, 78.0, 21.0)


@given(st.text(max_size=200))
def test_any_text_is_a_reply_or_a_bad_reply(text: str) -> None:
    try:
        reply = parse_reply(text)
    except BadReply:
        return
    assert isinstance(reply.items, list)


@pytest.mark.parametrize("content", ['{"items": [{"name": "x", "grams": NaN, "kcal": 1}]}', "null", "[]", None])
def test_non_finite_and_wrong_shapes_are_refused(content: str | None) -> None:
    with pytest.raises(BadReply):
        parse_reply(content)
