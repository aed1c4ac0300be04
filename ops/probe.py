"""A readiness check that asks a remote service at most once every few seconds.

``/readyz`` may be polled often (load balancers, orchestrators, several at once); the probe behind the check
(a Bot API ``getMe``, a Discord ``/users/@me``) runs at most once per ``seconds`` and callers arriving while
it runs share its answer. A probe that raises counts as not ready, with the exception's type as the reason.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Probe = Callable[[], Awaitable[str | None]]  # None when fine, else a short reason


class CachedProbe:
    """Call it as a :data:`ops.http.Check`; the last answer is kept for ``seconds``."""

    def __init__(self, probe: Probe, seconds: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._probe = probe
        self._seconds = seconds
        self._clock = clock
        self._answer: str | None = None
        self._at: float | None = None
        self._running: asyncio.Task[str | None] | None = None
        self.runs = 0

    async def __call__(self) -> str | None:
        """The cached answer while fresh, else the probe's (shared with concurrent callers)."""
        if self._at is not None and self._clock() - self._at < self._seconds:
            return self._answer
        if self._running is None:
            self._running = asyncio.ensure_future(self._run())
        return await asyncio.shield(self._running)

    async def _run(self) -> str | None:
        self.runs += 1
        try:
            answer = await self._probe()
        except Exception as err:  # unreachable, timed out, refused: not ready, never a 500
            answer = type(err).__name__
        finally:
            self._running = None
        self._answer, self._at = answer, self._clock()
        return answer
