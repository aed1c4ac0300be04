"""Quick add: ``/add 350 [label] [p=20 c=30 f=10]`` read into one exact item, bad input refused with a reason."""

import pytest

from core.errors import InvalidValue
from core.food.quick_add import parse_quick_add
from core.model import ItemSource


def test_kcal_label_and_macros() -> None:
    added = parse_quick_add("350 protein bar p=20 c=30 f=10", "Quick add")
    item = added.item
    assert (item.name, item.kcal, item.low_kcal, item.high_kcal) == ("protein bar", 350, 350, 350)
    assert (item.protein_g, item.carbs_g, item.fat_g, item.grams) == (20, 30, 10, 0)
    assert item.source is ItemSource.MANUAL and added.label == "protein bar" and not added.macros_exceed_kcal


def test_kcal_alone_takes_the_default_label_and_accepts_units_and_commas() -> None:
    added = parse_quick_add("120,5kcal", "Ajout rapide")
    assert added.label is None and added.item.name == "Ajout rapide" and added.item.kcal == 120.5
    spaced = parse_quick_add("200 kcal soup protein = 12g fat: 4", "x")
    assert spaced.item.name == "soup" and spaced.item.protein_g == 12 and spaced.item.fat_g == 4


def test_french_macro_letters() -> None:
    item = parse_quick_add("400 tartine g=50 l=12 p=9", "x").item
    assert (item.protein_g, item.carbs_g, item.fat_g) == (9, 50, 12)


def test_macros_worth_more_than_the_kcal_are_flagged() -> None:
    assert parse_quick_add("100 p=80", "x").macros_exceed_kcal
    assert not parse_quick_add("400 p=25 c=50 f=10", "x").macros_exceed_kcal  # 390 kcal of macros


@pytest.mark.parametrize(
    ("args", "field", "fragment"),
    [
        ("", "kcal", "Write /add"),
        ("soup", "kcal", "Write /add"),
        ("0", "kcal", "between 1 and 5000"),
        ("9000 cake", "kcal", "between 1 and 5000"),
        ("200 x q=3", "macro", "“q”"),
        ("200 p=900", "macro", "at most 500 g"),
    ],
)
def test_bad_input_is_refused_with_a_reason(args: str, field: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        parse_quick_add(args, "x")
    assert raised.value.field == field and fragment in str(raised.value)
