"""Chart themes (light and dark, high contrast, large type) and the shared Agg rendering helpers."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # explicit: never a GUI backend, whatever the environment says

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from core.progress.day_status import DayStatus

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 6.0, 150  # 1200 × 900 px: sharp on phones, small to send
FONT_SIZE = 15
_LOCK = threading.Lock()  # matplotlib's text and font caches are not thread-safe


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours of one variant; status colours are chosen to differ in lightness too (colour-blind safe)."""

    name: str
    background: str
    foreground: str
    muted: str
    grid: str
    target: str
    trend: str
    reading: str
    goal: str
    status: dict[DayStatus, str]
    bands: tuple[str, ...]


LIGHT = Theme(
    name="light",
    background="#ffffff",
    foreground="#111111",
    muted="#555555",
    grid="#d0d0d0",
    target="#111111",
    trend="#1d4ed8",
    reading="#111111",
    goal="#047857",
    status={
        DayStatus.WON: "#15803d",
        DayStatus.LOST: "#b91c1c",
        DayStatus.UNDER: "#d97706",
        DayStatus.MISSED: "#9ca3af",
        DayStatus.IN_PROGRESS: "#2563eb",
        DayStatus.NONE: "#e5e7eb",
    },
    bands=("#dbeafe", "#dcfce7", "#fef9c3", "#fed7aa", "#fecaca", "#fbcfe8"),
)

DARK = Theme(
    name="dark",
    background="#0b0f14",
    foreground="#f5f5f5",
    muted="#b0b8c4",
    grid="#2a3340",
    target="#f5f5f5",
    trend="#60a5fa",
    reading="#f5f5f5",
    goal="#34d399",
    status={
        DayStatus.WON: "#4ade80",
        DayStatus.LOST: "#f87171",
        DayStatus.UNDER: "#fbbf24",
        DayStatus.MISSED: "#6b7280",
        DayStatus.IN_PROGRESS: "#60a5fa",
        DayStatus.NONE: "#1f2937",
    },
    bands=("#1e3a5f", "#14532d", "#4d4410", "#5a3410", "#5f1d1d", "#581c4a"),
)


def theme(dark: bool) -> Theme:
    """The dark or the light theme."""
    return DARK if dark else LIGHT


def new_figure(th: Theme) -> Figure:
    """A fresh figure on its own Agg canvas, painted in the theme."""
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor=th.background)
    FigureCanvasAgg(fig)
    return fig


def title(fig: Figure, text: str, th: Theme) -> None:
    """A large bold title at the top (figure text: cheaper to lay out than an Axes title)."""
    fig.text(0.5, 0.965, text, ha="center", va="top", fontsize=FONT_SIZE + 3, color=th.foreground, fontweight="bold")


def style_axes(ax: Axes, th: Theme) -> None:
    """Theme colours, large ticks and a light grid on an Axes."""
    ax.set_facecolor(th.background)
    ax.tick_params(colors=th.foreground, labelsize=FONT_SIZE - 2)
    for spine in ax.spines.values():
        spine.set_color(th.muted)
    ax.spines["top"].set_visible(False)
    ax.grid(axis="y", color=th.grid, linewidth=1)
    ax.set_axisbelow(True)


@contextmanager
def rendering() -> Iterator[None]:
    """Hold the render lock (one figure at a time in this process)."""
    with _LOCK:
        yield


def to_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, reduced to a 256-colour palette.

    Charts use few colours, so the palette loses nothing visible while the file is about three
    times smaller and quicker to encode than full RGBA.
    """
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba", dpi=DPI, facecolor=fig.get_facecolor())
    width, height = round(fig.get_figwidth() * DPI), round(fig.get_figheight() * DPI)
    image = Image.frombytes("RGBA", (width, height), raw.getvalue()).convert("RGB")
    buffer = io.BytesIO()
    image.quantize(256, method=Image.Quantize.FASTOCTREE).save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


def warm_up() -> float:
    """Load fonts and fill matplotlib's caches by rendering a tiny figure; returns the seconds it took."""
    import time

    started = time.perf_counter()
    with rendering():
        fig = new_figure(LIGHT)
        ax = fig.add_subplot()
        ax.bar([0, 1], [1, 2])
        ax.set_title("WinStreak 0123456789 kcal", fontsize=FONT_SIZE)
        to_png(fig)
    return time.perf_counter() - started
