"""Update de-duplication: an update id delivered twice (webhook retry, replica restart) is processed once.

An update is claimed before processing. While it is processed the claim is renewed (every ``renew_every``),
so a claim whose lease ran out belongs to a process that died (SIGKILL, crash) and is taken over. A delivery
that finds the update *held* by a live claim is not processed; in webhook mode it is marked so that the
webhook answers a non-2xx (``runners.RedeliveringRequestHandler``) and Telegram delivers it again later:
by then it is done (a duplicate, acknowledged), released after a failure, or its lease expired — never lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

log = logging.getLogger(__name__)

ClaimState = Literal["claimed", "done", "held"]
DELIVERY_KEY = "delivery"  # the handler data key of the webhook request's Delivery


class UpdateLog(Protocol):
    """Remembers update ids (``storage.chat.updates.SqlUpdateLog``)."""

    async def claim(self, update_id: int, now: datetime) -> ClaimState: ...

    async def renew(self, update_id: int, since: datetime, now: datetime) -> bool: ...

    async def finish(self, update_id: int) -> None: ...

    async def release(self, update_id: int) -> None: ...


@dataclass
class Delivery:
    """One webhook request: set ``held`` when the update is being processed elsewhere (answer: retry later)."""

    held: bool = False


class DedupMiddleware(BaseMiddleware):
    """Claims the update id first and renews it while processing; done on success, released on failure."""

    def __init__(self, updates: UpdateLog, renew_every: float = 10.0) -> None:
        self.updates = updates
        self.renew_every = renew_every

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Process the update unless another delivery of it was (or is being) processed."""
        if not isinstance(event, Update):
            return await handler(event, data)
        stamp = datetime.now(UTC)
        state = await self.updates.claim(event.update_id, stamp)
        if state != "claimed":
            delivery = data.get(DELIVERY_KEY)
            if state == "held" and isinstance(delivery, Delivery):
                delivery.held = True
            log.info("update %s %s: skipped", event.update_id, "already processed" if state == "done" else "held")
            return None
        keeper = asyncio.create_task(self._keep_claim(event.update_id, stamp))
        try:
            result = await handler(event, data)
        except BaseException:
            keeper.cancel()  # a renewal still under way changes nothing once the row is released or done
            await self.updates.release(event.update_id)
            raise
        keeper.cancel()
        await self.updates.finish(event.update_id)
        return result

    async def _keep_claim(self, update_id: int, stamp: datetime) -> None:
        """Renew the claim until cancelled, so only a dead process's claim expires."""
        while True:
            await asyncio.sleep(self.renew_every)
            now = datetime.now(UTC)
            try:
                kept = await self.updates.renew(update_id, stamp, now)
            except Exception:  # the database may be briefly away: the next round tries again
                log.warning("update %s: claim not renewed (database error)", update_id, exc_info=True)
                continue
            if not kept:
                log.warning("update %s: claim lost (lease expired while processing)", update_id)
                return
            stamp = now
