"""The chart renderer gives real PNGs of the right size, for no data, one day and a year, light and dark."""

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from PIL import Image

from bots.common.charts import render_week_chart, render_weight_chart, warm_up
from bots.common.charts.samples import PROFILE, sample_week, sample_weight_report
from bots.common.charts.style import DARK, DPI, HEIGHT_IN, LIGHT, WIDTH_IN
from core.progress.day_status import DayStatus

SIZE = (round(WIDTH_IN * DPI), round(HEIGHT_IN * DPI))


def open_png(data: bytes) -> Image.Image:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG" and image.size == SIZE == (1200, 900)
    return image.convert("RGB")


def colours(image: Image.Image) -> list[tuple[int, tuple[int, int, int]]]:
    """(count, RGB) of every colour in an RGB image."""
    return [(n, c) for n, c in image.getcolors(maxcolors=1 << 16) or [] if isinstance(c, tuple) and len(c) == 3]


def has_colour(image: Image.Image, hex_colour: str, tolerance: int = 12) -> bool:
    wanted = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return any(all(abs(a - b) <= tolerance for a, b in zip(c, wanted, strict=True)) for _, c in colours(image))


@pytest.mark.parametrize("days", [0, 1, 365])
@pytest.mark.parametrize("dark", [False, True])
def test_week_chart_is_a_png_of_the_right_size(days: int, dark: bool) -> None:
    report = sample_week(days)
    image = open_png(render_week_chart(report, "en", dark=dark))
    corner = image.getpixel((3, 3))
    assert isinstance(corner, tuple)
    assert (sum(corner) < 60) if dark else (sum(corner) > 700)
    theme = DARK if dark else LIGHT
    for status in {row.status for row in report.days if row.logged and row.status is not DayStatus.NONE}:
        assert has_colour(image, theme.status[status]), status


def test_week_chart_marks_won_and_lost_days_in_their_colours() -> None:
    report = sample_week(365, weeks_back=2)
    statuses = {row.status for row in report.days}
    assert DayStatus.WON in statuses
    image = open_png(render_week_chart(report, "fr"))
    assert has_colour(image, LIGHT.status[DayStatus.WON])
    assert has_colour(image, LIGHT.status[DayStatus.LOST]) == (DayStatus.LOST in statuses)
    empty = open_png(render_week_chart(sample_week(0), "en"))
    assert not has_colour(empty, LIGHT.status[DayStatus.WON])


@pytest.mark.parametrize("readings", [0, 1, 365])
@pytest.mark.parametrize("dark", [False, True])
def test_weight_chart_is_a_png_of_the_right_size(readings: int, dark: bool) -> None:
    image = open_png(render_weight_chart(sample_weight_report(readings), "en", dark=dark))
    theme = DARK if dark else LIGHT
    if readings > 1:
        assert has_colour(image, theme.trend)
    assert has_colour(image, theme.goal)


def white_share(image: Image.Image) -> float:
    return sum(n for n, c in colours(image) if min(c) >= 240) / (image.width * image.height)


def test_weight_chart_without_height_or_goal_has_no_bands_or_goal_line() -> None:
    bare = replace(PROFILE, height_cm=None, goal_weight_kg=None)
    plain = open_png(render_weight_chart(sample_weight_report(30, bare), "en"))
    banded = open_png(render_weight_chart(sample_weight_report(30), "en"))
    assert not has_colour(plain, LIGHT.goal, tolerance=6) and has_colour(banded, LIGHT.goal)
    assert white_share(plain) > 0.8 and white_share(banded) < 0.6  # BMI bands fill the plot area


def test_rendering_from_threads_gives_the_same_pictures() -> None:
    warm_up()
    week, weight = sample_week(60), sample_weight_report(60)
    expected = [render_week_chart(week, "en"), render_weight_chart(weight, "en", dark=True)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(render_week_chart, week, "en") for _ in range(3)]
        futures += [pool.submit(render_weight_chart, weight, "en", dark=True) for _ in range(3)]
        results = [f.result() for f in futures]
    assert results[:3] == [expected[0]] * 3 and results[3:] == [expected[1]] * 3
