"""Decorators around core ports that count and time what passes through them (see :mod:`ops.metrics`).

:class:`MeteredEstimator` wraps the meal estimator (estimates by input, source and outcome, with latency);
:class:`MeteredTransport` wraps an outbox transport (deliveries by platform and status, hence the send rate).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Awaitable, Callable

from core.errors import WinStreakError
from core.model.estimate import Estimate
from core.model.outbox import Delivery, OutboxMessage
from core.ports import MealEstimator, Transport
from ops.metrics import ESTIMATE_SECONDS, ESTIMATES, OUTBOX_DELIVERIES


def estimate_source(estimate: Estimate) -> str:
    """The source of most of the estimate's items (database, barcode, label, ai, manual), or ``none``."""
    if not estimate.items:
        return "none"
    return Counter(str(item.source) for item in estimate.items).most_common(1)[0][0]


class MeteredEstimator:
    """A :class:`core.ports.MealEstimator` counting and timing the one it wraps."""

    def __init__(self, inner: MealEstimator) -> None:
        self.inner = inner

    async def _measure(self, kind: str, work: Callable[[], Awaitable[Estimate]]) -> Estimate:
        started = time.perf_counter()
        try:
            estimate = await work()
        except WinStreakError:
            ESTIMATES.labels(kind, "none", "refused").inc()
            raise
        except Exception:
            ESTIMATES.labels(kind, "none", "error").inc()
            raise
        finally:
            ESTIMATE_SECONDS.labels(kind).observe(time.perf_counter() - started)
        ESTIMATES.labels(kind, estimate_source(estimate), "ok").inc()
        return estimate

    async def from_text(self, text: str, language: str) -> Estimate:
        """The inner estimate of a description."""
        return await self._measure("text", lambda: self.inner.from_text(text, language))

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        """The inner estimate of a photo."""
        return await self._measure("photo", lambda: self.inner.from_photo(image, caption, language))

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        """The inner estimate of a voice note."""
        return await self._measure("voice", lambda: self.inner.from_voice(audio, language))

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)  # e.g. close() of the composite estimator


class MeteredTransport:
    """A :class:`core.ports.Transport` counting the deliveries of the one it wraps."""

    def __init__(self, inner: Transport, platform: str) -> None:
        self.inner = inner
        self.platform = platform

    async def deliver(self, message: OutboxMessage) -> Delivery:
        """Deliver through the inner transport and count the outcome."""
        try:
            delivery = await self.inner.deliver(message)
        except Exception:
            OUTBOX_DELIVERIES.labels(self.platform, "error").inc()
            raise
        OUTBOX_DELIVERIES.labels(self.platform, str(delivery.status)).inc()
        return delivery

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)
