"""The weight chart: readings, the smoothed trend, the goal line and the BMI bands (BMI on the right axis)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

from bots.common import units_text
from bots.common.charts.labels import tidy_labels
from bots.common.charts.style import FONT_SIZE, Theme, new_figure, rendering, style_axes, theme, title, to_png
from bots.common.i18n import t
from bots.common.progress_labels import bmi_label, day_month, month_year
from core.model.profile import Units
from core.progress.bmi_series import weight_bands, weight_for_bmi
from core.rules.units import kg_to_lb, lb_to_kg, weight_unit
from core.services.weight_progress import WeightReport


def _limits(report: WeightReport) -> tuple[float, float]:
    values = [p.kg for p in report.readings] + [p.kg for p in report.trend]
    goal = report.user.profile.goal_weight_kg
    if goal:
        values.append(goal)
    if not values:
        return 50.0, 100.0
    low, high = min(values), max(values)
    pad = max(1.5, (high - low) * 0.12)
    return low - pad, high + pad


def _bmi_bands(ax: Axes, th: Theme, lang: str, height_cm: float, low: float, high: float) -> None:
    """Background bands for the BMI categories and a BMI scale on the right."""
    for (band_low, band_high, category), colour in zip(weight_bands(height_cm), th.bands, strict=True):
        bottom, top = max(band_low, low), min(band_high, high)
        if bottom >= top:
            continue
        ax.axhspan(bottom, top, color=colour, alpha=0.55, linewidth=0, zorder=0)
        if top - bottom < (high - low) * 0.06:
            continue  # too thin a sliver to label
        ax.text(0.01, (bottom + top) / 2, bmi_label(lang, category), transform=ax.get_yaxis_transform(),
                va="center", ha="left", fontsize=FONT_SIZE - 4, color=th.muted, zorder=1)  # fmt: skip
    _bmi_scale(ax, th, lang, height_cm, low, high)


def _bmi_scale(ax: Axes, th: Theme, lang: str, height_cm: float, low: float, high: float) -> None:
    """BMI values along the right edge, drawn as plain text (a secondary axis costs ~50 ms more)."""
    bmi_low, bmi_high = low / (height_cm / 100.0) ** 2, high / (height_cm / 100.0) ** 2
    span = bmi_high - bmi_low
    step = 1 if span < 6 else 2 if span < 12 else 5
    value = math.ceil(bmi_low / step) * step
    while value <= bmi_high:
        ax.text(1.01, weight_for_bmi(value, height_cm), f"{value:g}", transform=ax.get_yaxis_transform(),
                ha="left", va="center", fontsize=FONT_SIZE - 2, color=th.foreground)  # fmt: skip
        value += step
    ax.text(1.075, 0.5, t(lang, "BMI"), transform=ax.transAxes, rotation=90, ha="left", va="center",
            fontsize=FONT_SIZE, color=th.foreground)  # fmt: skip


def _pound_ticks(ax: Axes, low: float, high: float) -> None:
    """Ticks at round pound values (the data stays in kg), so an imperial axis reads 170, 175, 180."""
    ticks = [
        lb
        for lb in MaxNLocator(nbins=6, steps=[1, 2, 5, 10]).tick_values(kg_to_lb(low), kg_to_lb(high))
        if low <= lb_to_kg(lb) <= high
    ]
    ax.set_yticks([lb_to_kg(lb) for lb in ticks], [f"{lb:g}" for lb in ticks])


def render_weight_chart(report: WeightReport, lang: str, *, dark: bool = False) -> bytes:
    """PNG of the weight over time; one combined chart, BMI categories as background bands."""
    th = theme(dark)
    profile = report.user.profile
    goal = profile.goal_weight_kg
    low, high = _limits(report)
    last = max(report.today, report.readings[-1].day) if report.readings else report.today
    first = min(report.readings[0].day if report.readings else last, last - timedelta(days=6))

    def x(day: date) -> float:
        return float((day - first).days)

    with rendering():
        fig = new_figure(th)
        ax = fig.add_subplot()
        style_axes(ax, th)
        if profile.height_cm:
            _bmi_bands(ax, th, lang, profile.height_cm, low, high)
        if report.readings:
            size = 4 if len(report.readings) > 60 else 8
            ax.plot([x(p.day) for p in report.readings], [p.kg for p in report.readings], "o", color=th.reading,
                    markersize=size, label=t(lang, "weigh-ins"), zorder=3)  # fmt: skip
        if len(report.trend) > 1:
            ax.plot([x(p.day) for p in report.trend], [p.kg for p in report.trend], "-", color=th.trend,
                    linewidth=3, label=t(lang, "trend"), zorder=4)  # fmt: skip
        if goal:
            ax.axhline(goal, color=th.goal, linestyle="--", linewidth=2.2, zorder=2,
                       label=t(lang, "goal {weight}", weight=units_text.weight(goal, profile.units, lang)))  # fmt: skip
        if not report.readings:
            ax.text(0.5, 0.5, t(lang, "No weigh-ins yet: send /weight 81.5"), transform=ax.transAxes,
                    ha="center", va="center", fontsize=FONT_SIZE, color=th.foreground)  # fmt: skip
        ax.set_xlim(-0.5, x(last) + 0.5)
        ax.set_ylim(low, high)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        label = month_year if (last - first).days > 180 else day_month
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: label(lang, first + timedelta(days=round(v)))))
        if profile.units is Units.IMPERIAL:
            _pound_ticks(ax, low, high)
        ax.set_ylabel(weight_unit(profile.units), fontsize=FONT_SIZE, color=th.foreground)
        title(fig, t(lang, "Weight and BMI"), th)
        if report.readings or goal:
            legend = fig.legend(loc="upper center", bbox_to_anchor=(0.5, 0.915), ncols=3, fontsize=FONT_SIZE - 3,
                                frameon=False)  # fmt: skip
            for text in legend.get_texts():
                text.set_color(th.foreground)
        fig.subplots_adjust(left=0.11, right=0.89, top=0.85, bottom=0.1)
        return to_png(tidy_labels(fig))  # no label over another (bots/common/charts/labels.py)
