"""Update de-duplication: an update id delivered twice (webhook retry, replica restart) is processed once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

log = logging.getLogger(__name__)


class UpdateLog(Protocol):
    """Remembers update ids (``storage.chat.updates.SqlUpdateLog``)."""

    async def claim(self, update_id: int, now: datetime) -> bool: ...

    async def finish(self, update_id: int) -> None: ...

    async def release(self, update_id: int) -> None: ...


class DedupMiddleware(BaseMiddleware):
    """Claims the update id first; marks it done on success and releases it on failure (so it is retried)."""

    def __init__(self, updates: UpdateLog) -> None:
        self.updates = updates

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Process the update unless another delivery of it was (or is being) processed."""
        if not isinstance(event, Update):
            return await handler(event, data)
        if not await self.updates.claim(event.update_id, datetime.now(UTC)):
            log.info("update %s already processed: skipped", event.update_id)
            return None
        try:
            result = await handler(event, data)
        except BaseException:
            await self.updates.release(event.update_id)
            raise
        await self.updates.finish(event.update_id)
        return result
