"""Where a voice note's or photo's time goes in ``winstreak bench load``, as seen from the stand-in Bot API.

Each person sends one update at a time, so the stand-in can tell, for that person's chat, when the bot first
asked for the note's file (``getFile``) and when it first sent an estimate with Save. The latency of a voice
note or photo is then split in three, without looking inside the bot:

* ``to_file``: the update POSTed until ``getFile`` — parsing, the update claim, the chat state, middlewares
  and any wait for the event loop;
* ``file_to_estimate``: ``getFile`` until the estimate is sent — the download, the media pool's queue, decoding,
  Whisper or the barcode reader, the estimate and its rendering, and the chat's reply limit for that message;
* ``estimate_to_answer``: the estimate sent until the webhook's HTTP answer — the chat state saved, the update
  marked done.

It also holds the bench's :func:`percentile`.
"""

from __future__ import annotations

import math
from typing import Any

PHASED = ("voice", "photo")
PHASES = ("to_file", "file_to_estimate", "estimate_to_answer")


def record(phases: dict[str, list[float]], kind: str, sent: float, answered: float, marks: dict[str, float]) -> None:
    """Add the three spans of one answered update (nothing when the bot asked no file or sent no estimate)."""
    file, estimate = marks.get("file"), marks.get("estimate")
    if file is None or estimate is None or not sent <= file <= estimate <= answered:
        return
    for phase, span in zip(PHASES, (file - sent, estimate - file, answered - estimate), strict=True):
        phases.setdefault(f"{kind}_{phase}", []).append(span)


def figures(phases: dict[str, list[float]]) -> dict[str, Any]:
    """``voice_to_file_p50_ms``, ``…_p95_ms`` and the rest, for ``--json``."""
    out: dict[str, Any] = {}
    for kind in PHASED:
        for phase in PHASES:
            values = phases.get(f"{kind}_{phase}", [])
            out[f"{kind}_{phase}_p50_ms"] = percentile(values, 0.5)
            out[f"{kind}_{phase}_p95_ms"] = percentile(values, 0.95)
    return out


def lines(f: dict[str, Any]) -> list[str]:
    """The report's lines: one per kind that has figures."""
    out = []
    for kind in PHASED:
        spans = [(p, f.get(f"{kind}_{p}_p50_ms"), f.get(f"{kind}_{p}_p95_ms")) for p in PHASES]
        if any(p50 is not None for _, p50, _ in spans):
            parts = ", ".join(f"{p.replace('_', ' ')} {p50:.0f} / {p95:.0f}" for p, p50, p95 in spans)
            out.append(f"{kind} split at the stand-in, p50 / p95 ms: {parts}")
    return out


def percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile, in milliseconds (None when nothing was measured)."""
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))  # rank ceil(p n), from 1
    return round(ordered[index] * 1000, 1)
