"""The week chart: kcal per day as bars against the target line, each day marked with its result.

Labels never overlap: after layout the result words shrink together until they fit side by side, any label
that still overlaps a higher-priority one is left out (titles and ticks, then words, then kcal numbers), and
the target label goes to the first free spot along its line — clear of bars if it can be — or, failing that,
to a free top corner.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from bots.common.charts.labels import Spot, all_labels, keep_apart, place, renderer_of, shrink_to_fit
from bots.common.charts.style import FONT_SIZE, Theme, new_figure, rendering, style_axes, theme, title, to_png
from bots.common.i18n import t
from bots.common.progress_labels import long_date, short_day, status_label
from core.progress.day_status import DayStatus
from core.services.weekly_history import WeekReport


def _title(lang: str, report: WeekReport) -> str:
    if report.weeks_back == 0:
        return t(lang, "This week · from {date}", date=long_date(lang, report.monday))
    return t(lang, "Week of {date}", date=long_date(lang, report.monday))


def _target_spots(days: int, target: float, peak: float, top: float) -> list[Spot]:
    """Along the line (ends first, then over each day from the right), above then below; then the top corners."""
    above, below = target + peak * 0.012, target - peak * 0.012
    spots = [Spot(days - 0.5, above, "right", "bottom"), Spot(days - 0.5, below, "right", "top")]
    spots += [Spot(-0.5, above, "left", "bottom"), Spot(-0.5, below, "left", "top")]
    for x in range(days - 1, -1, -1):
        spots += [Spot(x, above, "center", "bottom"), Spot(x, below, "center", "top")]
    return [*spots, Spot(days - 0.5, top, "right", "top"), Spot(-0.5, top, "left", "top")]


def _draw(
    fig: Figure, report: WeekReport, lang: str, th: Theme
) -> tuple[Axes, list[Text], list[Text], Text | None, float]:
    days = report.days
    target = report.target_kcal
    peak = max([d.kcal for d in days] + [float(target or 0), 500.0])
    ax = fig.add_subplot()
    style_axes(ax, th)
    xs = list(range(len(days)))
    colours = [th.status[d.status] for d in days]
    bars = ax.bar(xs, [d.kcal for d in days], color=colours, width=0.7, edgecolor=th.foreground, linewidth=0.8)
    for bar, row in zip(bars, days, strict=True):
        if row.status is DayStatus.IN_PROGRESS:
            bar.set_hatch("//")
            bar.set_alpha(0.75)
    words, numbers = [], []
    for x, row in zip(xs, days, strict=True):
        label = status_label(lang, row.status, today=row.day == report.today)
        if row.logged:  # on a background of its own: the target line passes behind, not through, the digits
            numbers.append(ax.text(x, row.kcal + peak * 0.015, f"{row.kcal:.0f}", ha="center", va="bottom",
                                   fontsize=FONT_SIZE - 3, color=th.foreground,
                                   bbox={"boxstyle": "square,pad=0.1", "facecolor": th.background,
                                         "edgecolor": "none", "alpha": 0.8}))  # fmt: skip
        if label:
            words.append(ax.text(x, -peak * 0.13, label, ha="center", va="top", fontsize=FONT_SIZE - 3,
                                 color=th.status[row.status], fontweight="bold"))  # fmt: skip
    target_label = None
    if target:
        ax.axhline(target, color=th.target, linestyle="--", linewidth=2.2)
        target_label = ax.text(len(days) - 0.5, target, t(lang, "target {kcal}", kcal=target), ha="right",
                               va="bottom", fontsize=FONT_SIZE - 2, color=th.target, fontweight="bold",
                               bbox={"boxstyle": "square,pad=0.1", "facecolor": th.background, "edgecolor": "none",
                                     "alpha": 0.8})  # fmt: skip
    ax.set_xticks(xs, [short_day(lang, d.day) for d in days])
    ax.set_ylim(0, peak * 1.15)
    ax.set_xlim(-0.6, len(days) - 0.4)
    ax.set_ylabel("kcal", fontsize=FONT_SIZE, color=th.foreground)
    title(fig, _title(lang, report), th)
    if not any(d.logged for d in days):
        ax.text(3, peak * 0.5, t(lang, "Nothing logged this week"), ha="center", va="center",
                fontsize=FONT_SIZE + 1, color=th.muted)  # fmt: skip
    fig.subplots_adjust(left=0.12, right=0.97, top=0.9, bottom=0.17)
    return ax, words, numbers, target_label, peak


def week_figure(report: WeekReport, lang: str, *, dark: bool = False) -> Figure:
    """The laid-out figure of the week (hold :func:`rendering` while making and using it)."""
    fig = new_figure(theme(dark))
    ax, words, numbers, target_label, peak = _draw(fig, report, lang, theme(dark))
    renderer = renderer_of(fig)
    shrink_to_fit(words, renderer, FONT_SIZE - 6)  # long words (French) get smaller rather than left out
    ours = [*words, *numbers, target_label]
    fixed = [text for text in all_labels(fig) if not any(text is mine for mine in ours)]
    taken = keep_apart([*fixed, *words, *numbers], renderer)  # titles and ticks first, then result words, then kcal
    if target_label is not None and report.target_kcal:
        bars = [patch.get_window_extent(renderer) for patch in ax.patches]
        spots = _target_spots(len(report.days), report.target_kcal, peak, ax.get_ylim()[1] * 0.99)
        place(target_label, spots, renderer, taken, avoid=bars, within=ax.get_window_extent(renderer))
    return fig


def render_week_chart(report: WeekReport, lang: str, *, dark: bool = False) -> bytes:
    """PNG of the week: bars coloured by result, the result written under each bar, the target dashed."""
    with rendering():
        return to_png(week_figure(report, lang, dark=dark))
