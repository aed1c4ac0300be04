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
    assert units_text.weight(80.0, Units.METRIC) == "80 kg"
    assert units_text.weight(80.0, Units.IMPERIAL) == "176.4 lb"
    assert units_text.height(180.3, Units.METRIC) == "180.3 cm"
    assert units_text.height(180.3, Units.IMPERIAL) == "5'11\""
    assert units_text.weight_change(-1.0, Units.IMPERIAL) == "−2.2 lb"
    assert units_text.weight_change(0.25, Units.METRIC, digits=2) == "+0.25 kg"
    assert units_text.rate(0.5, Units.IMPERIAL) == "1.1 lb" and units_text.rate(0.5, Units.METRIC) == "0.5 kg"


def test_an_imperial_profile_card_shows_no_metric_unit_in_either_language() -> None:
    for lang in ("en", "fr"):
        card = profile_text(lang, IMPERIAL, 2026)
        assert "5'11\"" in card and "180.8 lb" in card and "154.3 lb" in card and "1.1 lb" in card
        assert " kg" not in card and " cm" not in card
    assert "Units: imperial (lb, ft/in)" in profile_text("en", IMPERIAL)
    metric = profile_text("en", PROFILE)
    assert "Height: 168 cm" in metric and "Weight: 82 kg" in metric and "Units: metric (kg, cm)" in metric


def test_the_weight_summary_follows_the_units() -> None:
    report = sample_weight_report(30, IMPERIAL)
    text = weight_text("en", report)
    assert report.latest is not None
    assert f"Latest: {units_text.weight(report.latest.kg, Units.IMPERIAL)}" in text
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
