"""The Prometheus metrics of WinStreak (prometheus-client's default registry, served at ``/metrics``).

Every name starts with ``winstreak_``; labels are small fixed sets (platform, kind, source, outcome),
never user ids or message contents.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from prometheus_client import Counter, Gauge, Histogram

T = TypeVar("T")

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
JOB_BUCKETS = (0.1, 0.5, 1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 900.0)

UPDATES = Counter(
    "winstreak_updates",
    "Chat updates handled, by platform, kind and outcome (ok, error).",
    ("platform", "kind", "outcome"),
)
UPDATE_SECONDS = Histogram(
    "winstreak_update_seconds", "Time to handle one chat update.", ("platform", "kind"), buckets=LATENCY_BUCKETS
)
ESTIMATES = Counter(
    "winstreak_estimates", "Meal estimates, by input (text, photo, voice), source of the values and outcome.",
    ("input", "source", "outcome"),
)  # fmt: skip
ESTIMATE_SECONDS = Histogram(
    "winstreak_estimate_seconds", "Time to estimate one meal.", ("input",), buckets=LATENCY_BUCKETS
)
AI_CALLS = Counter(
    "winstreak_ai_calls", "Requests to the AI provider, by operation and outcome.", ("operation", "outcome")
)
OUTBOX_BACKLOG = Gauge("winstreak_outbox_backlog", "Outbox messages waiting or being sent, by platform.", ("platform",))
OUTBOX_DELIVERIES = Counter(
    "winstreak_outbox_deliveries", "Outbox delivery attempts, by platform and status (sent, retry, blocked, failed).",
    ("platform", "status"),
)  # fmt: skip
JOB_SECONDS = Histogram(
    "winstreak_job_seconds", "Duration of a scheduler job run (close_days is the day close-out).", ("job",),
    buckets=JOB_BUCKETS,
)  # fmt: skip
ERRORS = Counter("winstreak_errors", "Unexpected errors, by where they happened.", ("where",))


async def timed(histogram: Histogram, labels: tuple[str, ...], work: Callable[[], Awaitable[T]]) -> T:
    """Await ``work()`` and observe how long it took (also when it fails)."""
    started = time.perf_counter()
    try:
        return await work()
    finally:
        histogram.labels(*labels).observe(time.perf_counter() - started)
