"""Long polling: an update that failed because the database was away is handled again in this process.

In webhook mode such an update is answered 5xx and Telegram delivers it again (``retry_later``). Long polling
cannot ask for that: the update was already fetched. So here the update is handled again, in-process, with
backoff, for up to ``within`` seconds (a restart of PostgreSQL takes a few); each attempt runs through the
de-duplication and the handlers like a redelivery would (a claim released after a failure, taken again).
When the database is still away after that, the last failure is answered with the apology as any other.
Other failures are not retried: they would fail again.
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram.types import Update
from tenacity import AsyncRetrying, RetryError, retry_if_exception, stop_after_delay, wait_exponential

from bots.telegram.dedup import DELIVERY_KEY, Delivery
from bots.telegram.retry_later import REDELIVER_KEY, database_away
from bots.telegram.update_middleware import Handler, UpdateMiddleware

log = logging.getLogger(__name__)


class RedeliverInProcess(UpdateMiddleware):
    """Polling only (a webhook delivery passes through): the update again while the database is away."""

    def __init__(self, within: float = 30.0, first_wait: float = 0.2, longest_wait: float = 3.0) -> None:
        self.within = within
        self.first_wait = first_wait
        self.longest_wait = longest_wait

    async def on_update(self, handler: Handler, event: Update, data: dict[str, Any]) -> Any:
        """Handle ``event``; again after a pause while the failure is the database being away."""
        if isinstance(data.get(DELIVERY_KEY), Delivery):
            return await handler(event, data)
        snapshot = dict(data)
        attempts = 0
        retrying = AsyncRetrying(
            stop=stop_after_delay(self.within),
            wait=wait_exponential(multiplier=self.first_wait, max=self.longest_wait),
            retry=retry_if_exception(database_away),
        )
        try:
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    if attempts > 1:
                        log.warning("update %s: handled again, database was away", event.update_id)
                    tried = {**snapshot, REDELIVER_KEY: True}  # each attempt starts from the update's own data
                    try:
                        result = await handler(event, tried)
                    finally:
                        data.update({k: v for k, v in tried.items() if k != REDELIVER_KEY})
                    return result
        except RetryError as gave_up:  # still away: the outer middleware answers with the apology
            data[REDELIVER_KEY] = False
            raise gave_up.last_attempt.exception() or RuntimeError("database away") from None
        return None  # pragma: no cover - the loop returns or raises
