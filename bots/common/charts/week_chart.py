"""The week chart: kcal per day as bars against the target line, each day marked with its result."""

from __future__ import annotations

from bots.common.charts.style import FONT_SIZE, new_figure, rendering, style_axes, theme, title, to_png
from bots.common.i18n import t
from bots.common.progress_labels import long_date, short_day, status_label
from core.progress.day_status import DayStatus
from core.services.weekly_history import WeekReport


def _title(lang: str, report: WeekReport) -> str:
    if report.weeks_back == 0:
        return t(lang, "This week · from {date}", date=long_date(lang, report.monday))
    return t(lang, "Week of {date}", date=long_date(lang, report.monday))


def render_week_chart(report: WeekReport, lang: str, *, dark: bool = False) -> bytes:
    """PNG of the week: bars coloured by result, the result written over each bar, the target dashed."""
    th = theme(dark)
    days = report.days
    target = report.target_kcal
    peak = max([d.kcal for d in days] + [float(target or 0), 500.0])
    with rendering():
        fig = new_figure(th)
        ax = fig.add_subplot()
        style_axes(ax, th)
        xs = list(range(len(days)))
        colours = [th.status[d.status] for d in days]
        bars = ax.bar(xs, [d.kcal for d in days], color=colours, width=0.7, edgecolor=th.foreground, linewidth=0.8)
        for bar, row in zip(bars, days, strict=True):
            if row.status is DayStatus.IN_PROGRESS:
                bar.set_hatch("//")
                bar.set_alpha(0.75)
        if target:
            ax.axhline(target, color=th.target, linestyle="--", linewidth=2.2)
            ax.text(
                len(days) - 0.5, target, t(lang, "target {kcal}", kcal=target), ha="right", va="bottom",
                fontsize=FONT_SIZE - 2, color=th.target, fontweight="bold",
            )  # fmt: skip
        for x, row in zip(xs, days, strict=True):
            label = status_label(lang, row.status)
            if row.logged:
                ax.text(x, row.kcal + peak * 0.015, f"{row.kcal:.0f}", ha="center", va="bottom",
                        fontsize=FONT_SIZE - 3, color=th.foreground)  # fmt: skip
            if label:
                ax.text(x, -peak * 0.13, label, ha="center", va="top", fontsize=FONT_SIZE - 3,
                        color=th.status[row.status], fontweight="bold")  # fmt: skip
        ax.set_xticks(xs, [short_day(lang, d.day) for d in days])
        ax.set_ylim(0, peak * 1.15)
        ax.set_xlim(-0.6, len(days) - 0.4)
        ax.set_ylabel("kcal", fontsize=FONT_SIZE, color=th.foreground)
        title(fig, _title(lang, report), th)
        if not any(d.logged for d in days):
            ax.text(3, peak * 0.5, t(lang, "Nothing logged this week"), ha="center", va="center",
                    fontsize=FONT_SIZE + 1, color=th.muted)  # fmt: skip
        fig.subplots_adjust(left=0.12, right=0.97, top=0.9, bottom=0.17)
        return to_png(fig)
