"""Reading a nutrition table from text boxes: rows by coordinates, the per-100 g column, kJ, O read as 0,
and tables printed only per serving (converted when the serving weight is printed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ai.label_parse import LabelFacts, ServingFacts, TextBox, clean, group_rows, read_facts


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
    facts = read_facts(boxes)  # both columns: the values per 100 g, and the portion's weight
    assert facts == LabelFacts(378.0, 12.0, 58.0, 9.5, serving_g=30.0, per_100_printed=True)


@pytest.mark.parametrize("unit", ["kJ", "kj", "KJ"])
def test_kilojoules_only_are_converted(unit: str) -> None:
    boxes = _table(HEADER, _row(50, (10, "Energy"), (300, f"1674 {unit}")), _row(100, (10, "Protein"), (300, "8 g")))
    facts = read_facts(boxes)
    assert isinstance(facts, LabelFacts)
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
    assert read_facts(boxes) == LabelFacts(442.0, 6.5, 53.0, 22.0, per_100_printed=True)


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
    if isinstance(facts, LabelFacts):
        assert 0 <= facts.kcal_100g <= 950
        for grams in (facts.protein_100g, facts.carbs_100g, facts.fat_100g):
            assert grams is None or 0 <= grams <= 100
    elif facts is not None:
        assert 0 <= facts.kcal <= 2000
        for grams in (facts.protein_g, facts.carbs_g, facts.fat_g):
            assert grams is None or 0 <= grams <= 100


def _serving_table(header: list[TextBox]) -> list[TextBox]:
    return _table(
        header,
        _row(50, (10, "Energy"), (600, "477 kJ / 113 kcal")),
        _row(100, (10, "Fat"), (600, "2.9 g")),
        _row(150, (10, "of which saturates"), (600, "0.4 g")),
        _row(200, (10, "Carbohydrate"), (600, "17 g")),
        _row(250, (10, "Protein"), (600, "3.6 g")),
    )


@pytest.mark.parametrize(
    "header",
    [
        _row(0, (600, "Per serving (30 g)")),
        _row(0, (600, "Par portion (30 g)")),
        _row(0, (600, "Par portion"), (760, "(30 g)")),  # OCR split the weight off
        _row(0, (600, "per 1 bar (30g)")),
        _row(0, (600, "Pro Portion (30 ml)")),
        _row(0, (600, "Valeurs nutritionnelles moyennes par portion de 30 g")),
    ],
)
def test_serving_only_table_with_its_weight_is_converted_to_100g(header: list[TextBox]) -> None:
    assert read_facts(_serving_table(header)) == LabelFacts(376.7, 12.0, 56.7, 9.7, serving_g=30.0)


def test_per_biscuit_header_gives_the_biscuit_weight() -> None:
    boxes = _table(
        _row(0, (300, "per 1 biscuit (12 g)")),
        _row(50, (10, "Energy"), (300, "251 kJ"), (450, "60 kcal")),
        _row(100, (10, "Protein"), (300, "0.8 g")),
    )
    assert read_facts(boxes) == LabelFacts(500.0, 6.7, None, None, serving_g=12.0)


def test_serving_only_table_without_weight_stays_per_serving() -> None:
    boxes = _table(
        _row(0, (10, "Nutrition"), (600, "Per serving")),
        _row(50, (10, "Energy"), (600, "628 kJ / 150 kcal")),
        _row(100, (10, "Fat"), (600, "6 g")),
        _row(150, (10, "Protein"), (600, "4 g")),
    )
    assert read_facts(boxes) == ServingFacts(150.0, 4.0, None, 6.0, "serving")


def test_french_portion_in_kilojoules_without_weight() -> None:
    boxes = _table(_row(0, (600, "par biscuit")), _row(50, (10, "Énergie"), (600, "418 kJ")))
    assert read_facts(boxes) == ServingFacts(99.9, None, None, None, "biscuit")


def test_us_nutrition_facts_use_the_serving_size_line() -> None:
    boxes = _table(
        _row(0, (10, "Nutrition Facts")),
        _row(50, (10, "8 servings per container")),
        _row(100, (10, "Serving size"), (400, "2/3 cup (55g)")),
        _row(150, (10, "Amount per serving")),
        _row(200, (10, "Calories"), (400, "230")),
        _row(250, (10, "Total Fat 8g"), (600, "10%")),
        _row(300, (10, "Saturated Fat 1g"), (600, "5%")),
        _row(350, (10, "Total Carbohydrate 37g"), (600, "13%")),
        _row(400, (10, "Protein 3g")),
    )
    assert read_facts(boxes) == LabelFacts(418.2, 5.5, 67.3, 14.5, serving_g=55.0)


def test_per_100g_column_still_wins_over_a_serving_only_header() -> None:
    boxes = _table(
        _row(0, (300, "pour 100 g"), (600, "par portion (30 g)")),
        _row(50, (10, "Énergie"), (300, "400 kcal"), (600, "120 kcal")),
        _row(100, (10, "Glucides"), (300, "70 g"), (600, "21 g")),
    )
    assert read_facts(boxes) == LabelFacts(400.0, None, 70.0, None, serving_g=30.0, per_100_printed=True)


@pytest.mark.parametrize(
    "text",
    [
        "10 per cent of your daily intake",
        "Ingredients: wheat flour, sugar, palm oil. Store in a cool dry place; eat per portion within 3 days",
    ],
)
def test_words_like_per_cent_and_long_paragraphs_are_not_serving_headers(text: str) -> None:
    boxes = _table(_row(0, (10, "Energy"), (300, "200 kcal")), _row(50, (10, text)))
    assert read_facts(boxes) == LabelFacts(200.0, None, None, None)


@pytest.mark.parametrize(
    ("header", "energy"),
    [("Per serving (30 g)", "400 kcal"), ("Per serving", "2500 kcal")],
)
def test_absurd_serving_values_give_none(header: str, energy: str) -> None:
    assert read_facts(_table(_row(0, (600, header)), _row(50, (10, "Energy"), (600, energy)))) is None


@pytest.mark.parametrize("amount_line", [None, "Amount per serving"])
def test_us_label_with_only_a_serving_size_is_per_serving(amount_line: str | None) -> None:
    rows = [_row(0, (10, "Nutrition Facts")), _row(40, (10, "8 servings per container"))]
    rows.append(_row(80, (10, "Serving size"), (400, "30 g")))
    if amount_line:
        rows.append(_row(120, (10, amount_line)))
    rows += [
        _row(160, (10, "Calories"), (400, "120")),
        _row(200, (10, "Total Fat"), (400, "4.5 g")),
        _row(240, (10, "Total Carbohydrate"), (400, "18 g")),
        _row(280, (10, "Protein"), (400, "3 g")),
    ]
    facts = read_facts(_table(*rows))
    assert facts == LabelFacts(400.0, 10.0, 60.0, 15.0, serving_g=30.0)  # 120 kcal in 30 g
