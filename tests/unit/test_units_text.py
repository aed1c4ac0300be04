"""Weights and heights worded in the user's units: the profile card, the weight summary and the chart's axis."""

from __future__ import annotations

import itertools
from dataclasses import replace

from matplotlib.figure import Figure

from bots.common import units_text
from bots.common.charts import render_weight_chart
from bots.common.charts.samples import PROFILE, sample_weight_report
from bots.common.charts.weight_chart import _pound_ticks
from bots.common.progress_text import weight_text
from bots.common.render import profile_text
from core.model.profile import Units
from core.rules.units import kg_to_lb

IMPERIAL = replace(PROFILE, units=Units.IMPERIAL, height_cm=180.3)


def test_the_words_for_weights_heights_and_changes() -> None:
    assert units_text.weight(80.0, Units.METRIC, "en") == "80 kg"
    assert units_text.weight(80.0, Units.IMPERIAL, "en") == "176.4 lb"
    assert units_text.height(180.3, Units.METRIC, "en") == "180.3 cm"
    assert units_text.height(180.3, Units.IMPERIAL, "en") == "5'11\""
    assert units_text.weight_change(-1.0, Units.IMPERIAL, "en") == "−2.2 lb"
    assert units_text.weight_change(0.25, Units.METRIC, "en", digits=2) == "+0.25 kg"
    assert units_text.weight_change(-0.04, Units.METRIC, "en") == "+0.0 kg"  # rounded first: no "−0.0"
    assert (
        units_text.rate(0.5, Units.IMPERIAL, "en") == "1.1 lb" and units_text.rate(0.5, Units.METRIC, "en") == "0.5 kg"
    )


def test_french_decimals_have_a_comma_in_every_kind_of_number() -> None:
    assert (
        units_text.weight(80.46, Units.METRIC, "fr") == "80,5 kg"
        and units_text.weight(80.0, Units.METRIC, "fr") == "80 kg"
    )
    assert units_text.weight_change(-1.0, Units.IMPERIAL, "fr") == "−2,2 lb"
    assert units_text.rate(0.45, Units.METRIC, "fr") == "0,45 kg"
    assert (
        units_text.distance(5.0, Units.IMPERIAL, "fr") == "3,1 mi"
        and units_text.distance(5.0, Units.METRIC, "fr") == "5 km"
    )
    assert (
        units_text.speed(9.0, Units.IMPERIAL, "fr") == "5,6 mph"
        and units_text.speed(9.0, Units.IMPERIAL, "en") == "5.6 mph"
    )
    assert (
        units_text.decimal(24.63, "fr", fixed=True) == "24,6" and units_text.decimal(24.0, "en", fixed=True) == "24.0"
    )


def test_an_imperial_profile_card_shows_no_metric_unit_in_either_language() -> None:
    for lang, point in (("en", "."), ("fr", ",")):
        card = profile_text(lang, IMPERIAL, 2026)
        assert all(f"{n}{point}{d} lb" in card for n, d in (("180", "8"), ("154", "3"), ("1", "1")))
        assert " kg" not in card and " cm" not in card
    assert "Units: imperial (lb, ft/in)" in profile_text("en", IMPERIAL)
    metric = profile_text("en", PROFILE)
    assert "Height: 168 cm" in metric and "Weight: 82 kg" in metric and "Units: metric (kg, cm)" in metric
    bmi = profile_text("fr", PROFILE).split("IMC", 1)[1]
    assert "," in bmi.split("(", 1)[0] and "." not in bmi.split("(", 1)[0]  # "IMC : 29,1 (…)"


def test_the_weight_summary_follows_the_units() -> None:
    report = sample_weight_report(30, IMPERIAL)
    text = weight_text("en", report)
    assert report.latest is not None
    assert f"Latest: {units_text.weight(report.latest.kg, Units.IMPERIAL, 'en')}" in text
    assert " kg" not in text and "Goal 154.3 lb" in text
    french = weight_text("fr", sample_weight_report(30))
    assert "kg" in french and " lb" not in french


def test_pound_ticks_are_round_pounds_inside_the_kilogram_limits() -> None:
    ax = Figure().add_subplot()
    ax.set_ylim(68.0, 84.0)
    _pound_ticks(ax, 68.0, 84.0)
    labels = [float(label.get_text()) for label in ax.get_yticklabels()]
    positions = list(ax.get_yticks())
    steps = {round(b - a, 6) for a, b in itertools.pairwise(labels)}
    assert len(labels) >= 3 and all(label == int(label) for label in labels) and steps <= {1, 2, 5, 10, 20}
    assert len(steps) == 1
    for label, kg in zip(labels, positions, strict=True):
        assert 68.0 <= kg <= 84.0 and abs(kg_to_lb(kg) - label) < 1e-6


def test_the_imperial_chart_is_drawn_and_differs_from_the_metric_one() -> None:
    metric = render_weight_chart(sample_weight_report(30, replace(IMPERIAL, units=Units.METRIC)), "en")
    imperial = render_weight_chart(sample_weight_report(30, IMPERIAL), "en")
    assert imperial.startswith(b"\x89PNG") and imperial != metric
