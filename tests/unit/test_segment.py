"""The one meal-text splitter (core/food/segment.py), shared by the meal parser and the stated-kcal estimator."""

import pytest

from ai.manual_kcal import StatedKcalEstimator
from core.food.parse import parse_meal
from core.food.segment import split_segments


def texts(text: str) -> list[str]:
    return [s.text for s in split_segments(text)]


def test_separators_connectors_and_new_lines_cut_items() -> None:
    assert texts("2 eggs, toast and a black coffee") == ["2 eggs", "toast", "a black coffee"]
    assert texts("riz; haricots + salsa\nchips et une bière") == ["riz", "haricots", "salsa", "chips", "une bière"]


def test_a_described_dish_stays_one_item() -> None:
    [burrito] = split_segments("a burrito filled with beans")
    assert burrito.modifier[burrito.tokens.index("beans")]
    assert not burrito.modifier[burrito.tokens.index("burrito")]


def test_a_remark_is_a_comment_but_a_gerund_with_an_amount_names_food() -> None:
    segments = split_segments("a coffee while savoring its rich aroma")
    assert [(s.text, s.comment) for s in segments] == [("a coffee", False), ("savoring its rich aroma", True)]
    segments = split_segments("a small bag of potato chips while savoring a cup of salted almonds")
    assert [s.comment for s in segments] == [False, False]
    assert "almonds" in parse_meal("potato chips while savoring a cup of salted almonds").items[-1].words


def test_a_colon_before_stated_energy_keeps_the_name() -> None:
    assert texts("pizza: 800 kcal, salad: 150 kcal") == ["pizza 800 kcal", "salad 150 kcal"]
    assert [i.stated_kcal for i in parse_meal("pizza: 800 kcal").items] == [800.0]
    assert texts("breakfast: porridge") == ["breakfast", "porridge"]  # a colon before words still cuts


@pytest.mark.parametrize(
    ("text", "items", "unparsed"),
    [
        ("soup 300 kcal and bread 100 kcal", [("soup", 300.0), ("bread", 100.0)], []),
        ("pizza: 800 kcal", [("pizza", 800.0)], []),
        ("120,5kcal", [("food", 120.5)], []),  # a decimal comma is not a separator
        ("soupe 200 kcal avec pain", [("soupe", 200.0)], ["pain"]),
        ("jam toast 150 kcal with tea, 2 kcal", [("jam toast", 150.0), ("food", 2.0)], ["tea"]),
    ],
)
async def test_the_stated_kcal_estimator_cuts_like_the_parser(
    text: str, items: list[tuple[str, float]], unparsed: list[str]
) -> None:
    estimate = await StatedKcalEstimator().from_text(text, "en")
    assert [(i.name, i.kcal) for i in estimate.items] == items
    assert list(estimate.unparsed) == unparsed
    assert len(estimate.items) + len(estimate.unparsed) == len(split_segments(text))


@pytest.mark.parametrize("dash", ["-", "–", "—", "−", " – "])
def test_a_range_reads_the_same_with_any_dash(dash: str) -> None:
    """'a 5–7 inch diameter frozen cheese pizza' (typed with an en dash) was read as 5 pizzas of 7 inches."""
    hyphen = parse_meal("a 5-7 inch diameter frozen cheese pizza").items
    dashed = parse_meal(f"a 5{dash}7 inch diameter frozen cheese pizza").items
    assert dashed == hyphen
    assert hyphen[0].size is not None  # the length is a size, not a count
