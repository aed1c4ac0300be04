"""Part of the composition root: the meal estimator built on first use, so start-up imports none of its stack.

The full estimator (AI provider, Whisper, photo readers, PyAV, NumPy, Pillow…) takes seconds to import; a
chat that starts with ``/help`` or ``/today`` never needs it. The first estimate builds it in a worker
thread (the event loop keeps serving other updates meanwhile); later ones reuse it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from core.model.estimate import Estimate
from core.ports import MealEstimator
from ops.collector import freeze_lasting


class LazyEstimator:
    """A :class:`core.ports.MealEstimator` that builds the real one when first asked."""

    def __init__(self, build: Callable[[], MealEstimator]) -> None:
        self._build = build
        self._inner: MealEstimator | None = None
        self._lock = asyncio.Lock()

    async def inner(self) -> MealEstimator:
        """The real estimator, built once."""
        if self._inner is None:
            async with self._lock:
                if self._inner is None:
                    self._inner = await asyncio.to_thread(self._build)
                    freeze_lasting()  # the estimator's stack lives as long as the process
        return self._inner

    async def from_text(self, text: str, language: str) -> Estimate:
        """The real estimator's answer to a description."""
        return await (await self.inner()).from_text(text, language)

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        """The real estimator's answer to a photo."""
        return await (await self.inner()).from_photo(image, caption, language)

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        """The real estimator's answer to a voice note."""
        return await (await self.inner()).from_voice(audio, language)
