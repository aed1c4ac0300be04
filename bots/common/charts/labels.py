"""Labels that never collide: text boxes are measured with the renderer, then moved to a free spot or left out.

A chart draws everything, places the ticks (:func:`renderer_of`), may make a row of
labels smaller together (:func:`shrink_to_fit`), then asks :func:`keep_apart` to hide the lower-priority of any
two labels whose boxes overlap, and :func:`place` to move a label to the first of its candidate spots that
overlaps no label (nor, when asked, any bar).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

GAP = 3.0  # pixels kept free around every label


@dataclass(frozen=True, slots=True)
class Spot:
    """A candidate position of a label, in the label's own coordinates, with its alignment."""

    x: float
    y: float
    ha: Literal["left", "center", "right"]
    va: Literal["bottom", "top"]


def renderer_of(fig: Figure) -> RendererBase:
    """The figure's renderer, for measuring, once every Axes has placed its ticks and tick labels.

    ``Axes.get_tightbbox`` places them without drawing anything, which costs less than a layout draw.
    """
    renderer: RendererBase = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for ax in fig.axes:
        ax.get_tightbbox(renderer)
    return renderer


def box(text: Text, renderer: RendererBase, gap: float = GAP) -> Bbox:
    """The label's box on the canvas in pixels, grown by ``gap`` on every side."""
    return text.get_window_extent(renderer).padded(gap)


def collide(a: Bbox, b: Bbox) -> bool:
    """Whether two boxes share more than an edge."""
    return bool(a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1)


def shown(text: Text) -> bool:
    """Whether a label is drawn at all (visible and not empty)."""
    return text.get_visible() and bool(text.get_text().strip())


def all_labels(fig: Figure) -> list[Text]:
    """Every drawn label of the figure: figure texts, axes texts, tick labels, axis labels, titles, legends."""
    found: list[Text] = list(fig.texts)
    for legend in fig.legends:
        found += legend.get_texts()
    for ax in fig.axes:
        found += [*ax.texts, *ax.get_xticklabels(), *ax.get_yticklabels(), ax.xaxis.label, ax.yaxis.label, ax.title]
        own = ax.get_legend()
        if own is not None:
            found += own.get_texts()
    return [text for text in found if shown(text)]


def shrink_to_fit(texts: Iterable[Text], renderer: RendererBase, smallest: float) -> None:
    """Make a row of labels smaller together, a point at a time, until no two overlap or ``smallest`` is reached."""
    row = [text for text in texts if shown(text)]
    while row and float(row[0].get_fontsize()) - 1 >= smallest:
        boxes = [box(text, renderer) for text in row]
        if not any(collide(a, b) for a, b in combinations(boxes, 2)):
            return
        for text in row:
            text.set_fontsize(float(text.get_fontsize()) - 1)


def keep_apart(texts: Iterable[Text], renderer: RendererBase, taken: list[Bbox] | None = None) -> list[Bbox]:
    """Walk ``texts`` in priority order; hide each one that overlaps a box already kept. Returns the kept boxes."""
    kept = taken if taken is not None else []
    for text in texts:
        if not shown(text):
            continue
        extent = box(text, renderer)
        if any(collide(extent, other) for other in kept):
            text.set_visible(False)
        else:
            kept.append(extent)
    return kept


def tidy_labels(fig: Figure) -> Figure:
    """Hide every label that overlaps a more important one; returns ``fig``.

    Importance: figure texts (the title), legends, axis labels and titles, tick labels (x, then y), then texts
    inside the Axes from the largest font down (a message before a scale, a scale before band names).
    """
    renderer = renderer_of(fig)
    first: list[Text] = list(fig.texts)
    for legend in fig.legends:
        first += legend.get_texts()
    inner: list[Text] = []
    for ax in fig.axes:
        first += [ax.xaxis.label, ax.yaxis.label, ax.title, *ax.get_xticklabels(), *ax.get_yticklabels()]
        inner += ax.texts
    inner.sort(key=lambda text: -float(text.get_fontsize()))
    keep_apart([*first, *inner], renderer)
    return fig


def place(
    text: Text,
    spots: Sequence[Spot],
    renderer: RendererBase,
    taken: list[Bbox],
    *,
    avoid: Sequence[Bbox] = (),
    within: Bbox | None = None,
) -> bool:
    """Move ``text`` to the first spot whose box is ``within`` bounds, clear of ``taken`` and of ``avoid``.

    Every spot is tried clear of ``avoid`` first, then without it; the label is hidden when no spot is free.
    The chosen box is added to ``taken``.
    """
    for obstacles in (list(avoid), []):
        for spot in spots:
            text.set_position((spot.x, spot.y))
            text.set_horizontalalignment(spot.ha)
            text.set_verticalalignment(spot.va)
            extent = box(text, renderer)
            if within is not None and not within.contains(extent.x0, extent.y0):
                continue
            if within is not None and not within.contains(extent.x1, extent.y1):
                continue
            if any(collide(extent, other) for other in [*taken, *obstacles]):
                continue
            taken.append(extent)
            return True
    text.set_visible(False)
    return False
