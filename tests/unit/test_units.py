"""Metric and imperial units: exact conversions, feet and inches, and typed values read in the user's units."""

from __future__ import annotations

import pytest

from core.errors import InvalidValue
from core.model.profile import Units
from core.rules.profile_values import parse_assignments, parse_field, parse_weight_kg
from core.rules.units import feet_and_inches, kg_to_lb, lb_to_kg, weight_from, weight_in, weight_unit


def test_pounds_and_kilograms_convert_both_ways() -> None:
    assert kg_to_lb(1.0) == pytest.approx(2.20462262)
    assert lb_to_kg(176.0) == pytest.approx(79.832, abs=1e-3)
    for kg in (25.0, 63.4, 80.0, 399.9):
        assert lb_to_kg(kg_to_lb(kg)) == pytest.approx(kg)
    assert weight_in(80.0, Units.METRIC) == 80.0 and weight_in(80.0, Units.IMPERIAL) == pytest.approx(176.37, abs=0.01)
    assert weight_from(176.37, Units.IMPERIAL) == pytest.approx(80.0, abs=0.01)
    assert (weight_unit(Units.METRIC), weight_unit(Units.IMPERIAL)) == ("kg", "lb")


@pytest.mark.parametrize(
    ("cm", "shown"),
    [(180.3, (5, 11)), (182.88, (6, 0)), (152.4, (5, 0)), (182.5, (6, 0)), (100.0, (3, 3)), (250.0, (8, 2))],
)
def test_feet_and_inches_round_to_the_nearest_inch_and_never_show_12_inches(cm: float, shown: tuple[int, int]) -> None:
    assert feet_and_inches(cm) == shown
    assert 0 <= shown[1] < 12


def test_every_height_in_range_reads_back_within_half_an_inch() -> None:
    for tenths in range(1000, 2501, 7):
        feet, inches = feet_and_inches(tenths / 10)
        assert abs((feet * 12 + inches) * 2.54 - tenths / 10) <= 1.27 + 1e-9


def test_a_bare_weight_is_read_in_the_users_units_and_a_written_unit_always_wins() -> None:
    assert parse_weight_kg("80") == 80.0
    assert parse_weight_kg("176", Units.IMPERIAL) == pytest.approx(79.83)
    assert parse_weight_kg("80kg", Units.IMPERIAL) == 80.0
    for lb in range(56, 880, 3):  # every weight typed in pounds is shown back as typed
        assert round(kg_to_lb(parse_weight_kg(f"{lb}lb")), 1) == lb
    assert parse_weight_kg("176lb", Units.METRIC) == pytest.approx(79.83)
    with pytest.raises(InvalidValue):
        parse_weight_kg("1000", Units.IMPERIAL)  # 453.6 kg: out of range in any unit


def test_units_and_rates_are_read_from_words_and_pounds() -> None:
    assert parse_field("units", "imperial", 2026) is Units.IMPERIAL
    assert parse_field("units", "Métrique", 2026) is Units.METRIC
    assert parse_field("rate_kg_per_week", "1lb", 2026) == pytest.approx(0.45)
    assert parse_field("rate_kg_per_week", "0.5", 2026) == 0.5
    with pytest.raises(InvalidValue):
        parse_field("units", "cubits", 2026)
    with pytest.raises(InvalidValue):
        parse_field("rate_kg_per_week", "3lb", 2026)


def test_units_on_the_line_decide_how_its_bare_weights_are_read() -> None:
    changes = parse_assignments("weight=176 units=imperial target=160", 2026)
    assert changes["units"] is Units.IMPERIAL
    assert changes["weight_kg"] == pytest.approx(79.83) and changes["goal_weight_kg"] == pytest.approx(72.57)
    assert parse_assignments("weight=80", 2026, Units.METRIC)["weight_kg"] == 80.0
    assert parse_assignments("weight=176", 2026, Units.IMPERIAL)["weight_kg"] == pytest.approx(79.83)
    assert parse_assignments("height=5'11\" units=metric", 2026)["height_cm"] == pytest.approx(180.3)


def test_languages_are_read_from_their_names() -> None:
    assert parse_field("language", "Français", 2026) == "fr"
    assert parse_field("language", "english", 2026) == "en"
