"""The cyclic garbage collector paused while a process starts (issue 15, docs/operations.md "Start-up time").

Starting ``winstreak chat`` imports ~830 modules and builds the food index: ~140,000 container objects, nearly
all of which live as long as the process. With the collector on, CPython walks them again and again while they
are made (about 200 young, 18 middle and one full collection during the imports alone): ~0.1–0.2 s of CPU of
a ~1.4 s start on the 2-core development machine. Paused for the start and frozen after it (``gc.freeze()``
moves every object made so far to a permanent generation that later collections skip), the start does not pay
for those walks and neither do the process's later full collections.

Reference counting frees objects as always while paused. Garbage in reference cycles made during the start is
frozen with the rest and stays: a fixed amount (~660 objects after the chat's imports), not a growth, against a
full ``gc.collect()`` before freezing that would cost about as much as the pause saves. Cycles made after the
block are collected as usual; the collector is back on also when the block raises.

The media stacks load later, on first use (Whisper, the label OCR, the estimator with NumPy, PyAV and
Pillow): ≈ 230,000 more lasting objects. Left in the oldest generation, every later full collection walked
them again — 160 ms median, 203 ms at most, six times in a 75-second load run, each one a pause of the event
loop that every update in flight waited out. :func:`freeze_lasting`, called right after such a one-off
build, freezes them too (docs/load.md "Full collections after the media models load").
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off cyclic collection for the block; then freeze what exists and turn the collector back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def freeze_lasting() -> None:
    """After a one-off build of lasting objects (a model, an index, the imports behind them): freeze them.

    Everything that exists moves to the permanent generation, so later full collections skip it. Objects
    of updates in flight at that moment are frozen as well: reference counting still frees them; only
    garbage cycles among them stay, a bounded amount once per build.
    """
    gc.freeze()
