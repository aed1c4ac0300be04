"""Reading a nutrition table from text boxes: rows by coordinates, the per-100 g column, kJ, O read as 0."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ai.label_parse import LabelFacts, TextBox, clean, group_rows, read_facts


def _row(y: float, *cells: tuple[float, str]) -> list[TextBox]:
    return [TextBox(text, x, y, x + 12 * len(text), y + 30) for x, text in cells]


def _table(*rows: list[TextBox]) -> list[TextBox]:
    return [box for row in rows for box in row]


HEADER = _row(0, (300, "per 100 g"), (600, "per portion (30 g)"))


def test_rows_are_grouped_by_coordinates_despite_skew() -> None:
    boxes = [
        TextBox("Fat", 10, 100, 60, 130),
        TextBox("9.5 g", 300, 104, 360, 134),
        TextBox("Protein", 10, 150, 90, 180),
    ]
    rows = group_rows(boxes)
    assert [[b.text for b in row] for row in rows] == [["Fat", "9.5 g"], ["Protein"]]


def test_per_100g_column_is_chosen_over_the_portion_column() -> None:
    boxes = _table(
        HEADER,
        _row(50, (10, "Energy"), (300, "1590 kJ / 378 kcal"), (600, "477 kJ / 113 kcal")),
        _row(100, (10, "Fat"), (300, "9,5 g"), (600, "2.9 g")),
        _row(150, (10, "of which saturates"), (300, "1.2 g"), (600, "0.4 g")),
        _row(200, (10, "Carbohydrate"), (300, "58 g"), (600, "17 g")),
        _row(250, (10, "of which sugars"), (300, "21 g"), (600, "6.3 g")),
        _row(300, (10, "Protein"), (300, "12 g"), (600, "3.6 g")),
    )
    assert read_facts(boxes) == LabelFacts(378.0, 12.0, 58.0, 9.5)


@pytest.mark.parametrize("unit", ["kJ", "kj", "KJ"])
def test_kilojoules_only_are_converted(unit: str) -> None:
    boxes = _table(HEADER, _row(50, (10, "Energy"), (300, f"1674 {unit}")), _row(100, (10, "Protein"), (300, "8 g")))
    facts = read_facts(boxes)
    assert facts is not None
    assert facts.kcal_100g == pytest.approx(400.1, abs=0.1)
    assert facts.protein_100g == 8.0
    assert facts.carbs_100g is None


def test_letter_o_next_to_digits_reads_as_zero() -> None:
    assert clean("1O5 kcal") == "105 kcal"
    assert clean("2,O g") == "2,0 g"
    assert clean("Protein") == "protein"
    boxes = _table(_row(0, (10, "Energy"), (300, "2O5 kcal")), _row(50, (10, "Fat"), (300, "1O g")))
    assert read_facts(boxes) == LabelFacts(205.0, None, None, 10.0)


def test_french_label_and_kcal_on_its_own_row() -> None:
    boxes = _table(
        _row(0, (300, "pour 100 g")),
        _row(50, (10, "Énergie"), (300, "1850 kJ")),
        _row(100, (300, "442 kcal")),
        _row(150, (10, "Matières grasses"), (300, "22 g")),
        _row(200, (10, "dont acides gras saturés"), (300, "14 g")),
        _row(250, (10, "Glucides"), (300, "53 g")),
        _row(300, (10, "Protéines"), (300, "6,5 g")),
    )
    assert read_facts(boxes) == LabelFacts(442.0, 6.5, 53.0, 22.0)


@pytest.mark.parametrize(
    "boxes",
    [
        [],
        _table(_row(0, (10, "Ingredients: wheat flour, sugar, palm oil"))),
        _table(_row(0, (10, "Energy"), (300, "4000 kcal"))),
    ],
)
def test_no_plausible_energy_gives_none(boxes: list[TextBox]) -> None:
    assert read_facts(boxes) is None


@given(
    st.lists(
        st.tuples(st.text(max_size=40), st.floats(0, 2000), st.floats(0, 2000), st.floats(1, 200), st.floats(1, 80)),
        max_size=25,
    )
)
def test_any_ocr_output_gives_none_or_sane_facts(raw: list[tuple[str, float, float, float, float]]) -> None:
    boxes = [TextBox(text, x, y, x + w, y + h) for text, x, y, w, h in raw]
    facts = read_facts(boxes)
    if facts is not None:
        assert 0 <= facts.kcal_100g <= 950
        for grams in (facts.protein_100g, facts.carbs_100g, facts.fat_100g):
            assert grams is None or 0 <= grams <= 100
