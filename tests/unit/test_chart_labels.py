"""Chart labels never collide: adversarial weeks and weights are laid out and every pair of label boxes is checked.

Boxes are the renderer's own text extents (``Text.get_window_extent``), so the check holds whatever the fonts.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from bots.common.charts import weight_chart
from bots.common.charts.labels import all_labels, collide, renderer_of
from bots.common.charts.samples import PROFILE, sample_week, sample_weight_report
from bots.common.charts.style import rendering, to_png
from bots.common.charts.week_chart import week_figure
from bots.common.i18n import t
from bots.common.progress_labels import status_label
from core.model.profile import Units
from core.progress.day_status import DayStatus
from core.services.weekly_history import WeekReport

STATUSES = (DayStatus.WON, DayStatus.LOST, DayStatus.UNDER, DayStatus.MISSED, DayStatus.IN_PROGRESS)


def week(kcal: list[float], target: int | None = 2000, statuses: tuple[DayStatus, ...] = STATUSES) -> WeekReport:
    """A week whose seven days have the given kcal (0 = nothing logged), with result words on every day."""
    base = sample_week(60)
    days = tuple(
        replace(row, kcal=k, logged=k > 0, status=statuses[n % len(statuses)] if k > 0 else DayStatus.MISSED)
        for n, (row, k) in enumerate(zip(base.days, kcal, strict=True))
    )
    return replace(base, days=days, target_kcal=target)


def overlaps(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of drawn labels whose boxes overlap, measured after a real draw of the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [(text.get_text(), text.get_window_extent(renderer)) for text in all_labels(fig)]
    return [(a, b) for (a, box_a), (b, box_b) in combinations(boxes, 2) if collide(box_a, box_b)]


def target_label(fig: Figure, lang: str, kcal: int) -> Text | None:
    wanted = t(lang, "target {kcal}", kcal=kcal)
    return next((text for text in all_labels(fig) if text.get_text() == wanted), None)


ADVERSARIAL = {
    "bars equal to the target": [2000.0] * 7,
    "bars just over the target": [2040.0] * 7,
    "bars just under the target": [1960.0] * 7,
    "target above every bar": [1990.0, 1995.0, 2000.0, 1985.0, 2000.0, 1999.0, 1980.0],
    "huge numbers": [98765.0, 99999.0, 88888.0, 99999.0, 97777.0, 99999.0, 99999.0],
    "one tall day": [2000.0, 2000.0, 2000.0, 9000.0, 2000.0, 2000.0, 2000.0],
    "nothing logged": [0.0] * 7,
    "some days empty": [2000.0, 0.0, 2000.0, 0.0, 2000.0, 0.0, 2000.0],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("case", list(ADVERSARIAL))
def test_week_chart_labels_never_overlap_and_the_target_stays_named(case: str, lang: str) -> None:
    report = week(ADVERSARIAL[case])
    with rendering():
        fig = week_figure(report, lang)
        assert overlaps(fig) == []
        label = target_label(fig, lang, 2000)
        assert label is not None, "the target label was left out"
        kept = [text.get_text() for text in all_labels(fig)]
    words = [status_label(lang, row.status, today=row.day == report.today) for row in report.days]
    assert sum(kept.count(w) for w in set(words)) == len(words)  # every day keeps its result word (smaller if need be)
    numbers = [f"{row.kcal:.0f}" for row in report.days if row.logged]
    assert sum(kept.count(n) for n in set(numbers)) >= len(numbers) - 1  # at most one kcal number gave way


@pytest.mark.parametrize("dark", [False, True])
def test_a_target_on_the_bars_moves_off_the_kcal_numbers(dark: bool) -> None:
    """Before, "target 2000" sat right on the last bar's "2000"; the test sees the overlap was real."""
    report = week([2000.0] * 7)
    with rendering():
        fig = week_figure(report, "en", dark=dark)
        renderer = renderer_of(fig)
        label = target_label(fig, "en", 2000)
        assert label is not None
        numbers = [text for text in fig.axes[0].texts if text.get_text() == "2000" and text.get_visible()]
        assert len(numbers) == 7
        label.set_position((6.5, 2000 * 1.012))  # where the old chart put it: right end, on the line
        label.set_horizontalalignment("right")
        label.set_verticalalignment("bottom")
        moved_back = label.get_window_extent(renderer)
        assert any(collide(moved_back, n.get_window_extent(renderer)) for n in numbers)


PROFILES = {
    "usual": PROFILE,
    "no goal": replace(PROFILE, goal_weight_kg=None),
    "tall": replace(PROFILE, height_cm=195.0),
    "far goal": replace(PROFILE, goal_weight_kg=50.0),
    "no height": replace(PROFILE, height_cm=None),
    "imperial": replace(PROFILE, units=Units.IMPERIAL),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("readings", [0, 1, 30, 365])
@pytest.mark.parametrize("profile", list(PROFILES))
def test_weight_chart_labels_never_overlap(
    readings: int, lang: str, profile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chart as sent: the figure handed to the PNG encoder is checked after a real draw (the "0 readings, far
    goal" chart had a BMI band name under its message; month ticks touched the lowest kg tick)."""
    seen: list[list[tuple[str, str]]] = []

    def check_then_encode(fig: Figure) -> bytes:
        seen.append(overlaps(fig))
        return to_png(fig)

    monkeypatch.setattr(weight_chart, "to_png", check_then_encode)
    png = weight_chart.render_weight_chart(sample_weight_report(readings, PROFILES[profile]), lang)
    assert png.startswith(b"\x89PNG") and seen == [[]]


@pytest.mark.parametrize("dark", [False, True])
def test_the_target_line_passes_behind_a_kcal_number_it_crosses(dark: bool) -> None:
    """A bar just under the target put its number on the dashed line, the line struck through the digits."""
    report = week([1960.0] * 7)
    with rendering():
        fig = week_figure(report, "en", dark=dark)
        renderer = renderer_of(fig)
        ax = fig.axes[0]
        [line] = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
        y = ax.transData.transform((0, 2000))[1]
        numbers = [text for text in ax.texts if text.get_text() == "1960" and text.get_visible()]
        crossed = [n for n in numbers if n.get_window_extent(renderer).y0 < y < n.get_window_extent(renderer).y1]
        assert crossed, "the case must put the line through a number"
        for number in crossed:
            patch = number.get_bbox_patch()
            assert patch is not None and float(patch.get_alpha() or 1.0) > 0.5  # a background of its own
            assert number.get_zorder() > line.get_zorder()  # drawn over the line
