"""Start-up calls to the Bot API (getMe, the command menu, setWebhook) that do not stop the bot while Telegram is away.

Long polling cannot start before getMe answers (:func:`when_reachable` waits for it, with backoff). The others
are made once at start; when the Bot API cannot be reached or answers 5xx, the bot starts anyway (``/readyz`` says
Telegram is not connected) and the call is made again in the background, with backoff, until it succeeds or
the bot stops. Any other failure (a refused token, a bad webhook URL) is raised at start as before, so it
stops start-up with its one line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from aiogram.exceptions import TelegramNetworkError, TelegramServerError

log = logging.getLogger(__name__)
AWAY = (TelegramNetworkError, TelegramServerError)  # Telegram unreachable or failing: worth trying again later


async def when_reachable(
    name: str, call: Callable[[], Awaitable[object]], *, first: float = 1.0, most: float = 60.0
) -> None:
    """Make ``call``, again with backoff while Telegram is away, until it succeeds (cancel the task to give up)."""
    wait = first
    while True:
        try:
            await call()
            return
        except AWAY as err:
            log.warning("%s: the Bot API cannot be reached (%s); next try in %.0f s", name, type(err).__name__, wait)
        await asyncio.sleep(wait)
        wait = min(wait * 2, most)


class StartupCall:
    """``call`` now, or again in the background until it succeeds (waits double from ``first`` up to ``most``)."""

    def __init__(
        self, name: str, call: Callable[[], Awaitable[object]], *, first: float = 1.0, most: float = 60.0
    ) -> None:
        self.name = name
        self.call = call
        self.first = first
        self.most = most
        self.done = False
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Make the call; if Telegram is away, log a warning and keep trying in the background."""
        try:
            await self.call()
        except AWAY as err:
            log.warning("%s not done (%s): retrying in the background", self.name, type(err).__name__)
            self._task = asyncio.create_task(self._retry(), name=f"startup call: {self.name}")
            return
        self.done = True

    async def _retry(self) -> None:
        wait = self.first
        while True:
            await asyncio.sleep(wait)
            try:
                await self.call()
            except AWAY as err:
                wait = min(wait * 2, self.most)
                log.info("%s still not done (%s): next try in %.0f s", self.name, type(err).__name__, wait)
                continue
            except Exception:
                log.exception("%s failed", self.name)
                return
            self.done = True
            log.info("%s done", self.name)
            return

    async def close(self) -> None:
        """Stop retrying (on shutdown)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
