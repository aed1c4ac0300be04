"""Timing the chart renderer: the one-off warm-up, then p50/p95 per chart over several runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChartTiming:
    """Figures of one chart: render times in ms and the PNG size."""

    name: str
    runs: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    cpu_p50_ms: float
    png_bytes: int


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def time_chart(name: str, render: Callable[[], bytes], runs: int) -> ChartTiming:
    """Render ``runs`` times and report the spread."""
    times, cpu, size = [], [], 0
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        size = len(render())
        times.append((time.perf_counter() - started) * 1000.0)
        cpu.append((time.process_time() - cpu_started) * 1000.0)
    return ChartTiming(
        name, runs, statistics.median(times), percentile(times, 0.95), max(times), statistics.median(cpu), size
    )


def chart_cases() -> dict[str, Callable[[], bytes]]:
    """The charts measured: empty, one day and a year of data, light and dark, English and French."""
    from bots.common.charts import render_week_chart, render_weight_chart
    from bots.common.charts.samples import sample_week, sample_weight_report

    week_empty, week_one, week_year = sample_week(0), sample_week(1), sample_week(365)
    weight_empty, weight_one, weight_year = sample_weight_report(0), sample_weight_report(1), sample_weight_report(365)
    return {
        "week, no data": lambda: render_week_chart(week_empty, "en"),
        "week, one day": lambda: render_week_chart(week_one, "en"),
        "week, a year of data": lambda: render_week_chart(week_year, "en"),
        "week, a year, dark, fr": lambda: render_week_chart(week_year, "fr", dark=True),
        "weight, no data": lambda: render_weight_chart(weight_empty, "en"),
        "weight, one reading": lambda: render_weight_chart(weight_one, "en"),
        "weight, 365 readings": lambda: render_weight_chart(weight_year, "en"),
        "weight, 365, dark, fr": lambda: render_weight_chart(weight_year, "fr", dark=True),
    }


def warm_up_seconds() -> tuple[float, float]:
    """(seconds to import the chart modules, seconds of the first tiny render)."""
    started = time.perf_counter()
    from bots.common.charts import warm_up

    imported = time.perf_counter() - started
    return imported, warm_up()
