"""Update de-duplication: an update id delivered twice (webhook retry, replica restart) is processed once.

An update is claimed before processing. While it is processed the claim is renewed (every ``renew_every``),
so a claim whose lease ran out belongs to a process that died (SIGKILL, crash) and is taken over. A delivery
that finds the update *held* by a live claim is not processed; in webhook mode it is marked so that the
webhook answers a non-2xx (``runners.RedeliveringRequestHandler``) and Telegram delivers it again later:
by then it is done (a duplicate, acknowledged), released after a failure, or its lease expired — never lost.

The claim names the update's chat state (``ChatIdentity.state_key``) and its sender: the log may read both in the
same round trip, for the conversation to find within :meth:`UpdateLog.processing`, which is entered before the
claim.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from aiogram.types import Update
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_delay, wait_exponential

from bots.telegram.identity import identity_of_update
from bots.telegram.update_middleware import Handler, UpdateMiddleware

log = logging.getLogger(__name__)

ClaimState = Literal["claimed", "done", "held"]
DELIVERY_KEY = "delivery"  # the handler data key of the webhook request's Delivery


class UpdateLog(Protocol):
    """Remembers update ids (``storage.chat.updates.SqlUpdateLog``)."""

    async def claim(
        self, update_id: int, now: datetime, state_key: str | None = None, sender: str | None = None
    ) -> ClaimState: ...

    async def renew(self, update_id: int, since: datetime, now: datetime) -> bool: ...

    async def finish(self, update_id: int) -> None: ...

    async def release(self, update_id: int) -> None: ...

    def processing(self) -> AbstractContextManager[None]:
        """Entered around the handling of a claimed update (the store may share reads within it)."""
        ...


@dataclass
class Delivery:
    """One webhook request: set ``held`` when the update is being processed elsewhere (answer: retry later)."""

    held: bool = False


class DedupMiddleware(UpdateMiddleware):
    """Claims the update id first and renews it while processing; done on success, released on failure.

    Marking it done (or released) is retried for a while when the database is away: an update answered but
    not marked done would be processed again once its lease ran out.
    """

    def __init__(self, updates: UpdateLog, renew_every: float = 10.0, settle_within: float = 15.0) -> None:
        self.updates = updates
        self.renew_every = renew_every
        self.settle_within = settle_within
        self._keepers: set[asyncio.Task[None]] = set()

    async def on_update(self, handler: Handler, event: Update, data: dict[str, Any]) -> Any:
        """Process the update unless another delivery of it was (or is being) processed."""
        with self.updates.processing():
            return await self._process(handler, event, data)

    async def _process(self, handler: Handler, event: Update, data: dict[str, Any]) -> Any:
        stamp = datetime.now(UTC)
        identity = identity_of_update(event)
        if identity is None:
            state = await self.updates.claim(event.update_id, stamp)
        else:
            state = await self.updates.claim(event.update_id, stamp, identity.state_key, str(identity.user_id))
        if state != "claimed":
            delivery = data.get(DELIVERY_KEY)
            if state == "held" and isinstance(delivery, Delivery):
                delivery.held = True
            log.info("update %s %s: skipped", event.update_id, "already processed" if state == "done" else "held")
            return None
        stop = asyncio.Event()
        keeper = asyncio.create_task(self._keep_claim(event.update_id, stamp, stop))
        self._keepers.add(keeper)
        keeper.add_done_callback(self._keepers.discard)
        try:
            result = await handler(event, data)
        except BaseException:
            try:
                await self._settle(self.updates.release, event.update_id)  # else: its lease runs out
            finally:
                stop.set()  # a renewal under way changes nothing once the row is released or done
            raise
        try:
            # the answers are out: a redelivery must find it done, so a database away for a moment is waited for
            await self._settle(self.updates.finish, event.update_id)
        except Exception:
            log.error("update %s: handled but not marked done (database away)", event.update_id)
        finally:
            stop.set()
        return result

    async def _settle(self, step: Callable[[int], Awaitable[None]], update_id: int) -> None:
        """``step`` (finish or release), retried with backoff for up to ``settle_within`` seconds."""
        retrying = AsyncRetrying(
            stop=stop_after_delay(self.settle_within),
            wait=wait_exponential(multiplier=0.1, max=2.0),
            retry=retry_if_exception_type(Exception),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                await step(update_id)

    async def _keep_claim(self, update_id: int, stamp: datetime, stop: asyncio.Event) -> None:
        """Renew the claim until ``stop`` is set, so only a dead process's claim expires."""
        while True:
            try:
                await asyncio.wait_for(stop.wait(), self.renew_every)
                return
            except TimeoutError:
                pass
            now = datetime.now(UTC)
            try:
                kept = await self.updates.renew(update_id, stamp, now)
            except Exception:  # the database may be briefly away: the next round tries again
                log.warning("update %s: claim not renewed (database error)", update_id)
                continue
            if not kept:
                log.warning("update %s: claim lost (lease expired while processing)", update_id)
                return
            stamp = now
