"""Outgoing limits as an aiogram session middleware: every API call passes through it.

Messages respect Telegram's limits with ``aiolimiter`` leaky buckets (about 30/s overall, 1/s per private chat
with a small burst, 20/min per group); a 429 is retried after its ``retry_after``; a 403 (the user blocked the
bot) calls ``on_blocked`` before the error goes on to the caller.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiolimiter import AsyncLimiter

if TYPE_CHECKING:
    from aiogram import Bot

log = logging.getLogger(__name__)
COUNTED = ("Send", "Edit", "Copy", "Forward")  # method classes that post or change a message


@dataclass(frozen=True, slots=True)
class Limits:
    """Rates of the leaky buckets; ``chat_burst`` messages may leave at once, then ``per_chat`` a second."""

    overall_per_second: float = 30.0
    per_chat_per_second: float = 1.0
    chat_burst: int = 3
    per_group_per_minute: float = 20.0
    max_retries: int = 3
    max_retry_after: float = 60.0
    remembered_chats: int = 10_000


class OutgoingLimits(BaseRequestMiddleware):
    """Throttles message-sending calls, retries after 429, reports 403 for private chats."""

    def __init__(self, limits: Limits, on_blocked: Callable[[int], Awaitable[None]] | None = None) -> None:
        self.limits = limits
        self.on_blocked = on_blocked
        # No burst overall: one message every 1/rate seconds, so no one-second window ever exceeds the rate.
        self._overall = AsyncLimiter(1, 1 / limits.overall_per_second)
        self._chats: OrderedDict[int | str, AsyncLimiter] = OrderedDict()

    def _chat_limiter(self, chat_id: int | str) -> AsyncLimiter:
        limiter = self._chats.pop(chat_id, None)
        if limiter is None:
            is_group = isinstance(chat_id, str) or chat_id < 0
            limits = self.limits
            if is_group:
                limiter = AsyncLimiter(limits.per_group_per_minute, 60)
            else:
                limiter = AsyncLimiter(limits.chat_burst, limits.chat_burst / limits.per_chat_per_second)
        self._chats[chat_id] = limiter
        while len(self._chats) > self.limits.remembered_chats:
            self._chats.popitem(last=False)
        return limiter

    async def __call__(
        self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot, method: TelegramMethod[TelegramType]
    ) -> Response[TelegramType]:
        """Wait for the buckets, make the call, retry on 429."""
        chat_id: Any = getattr(method, "chat_id", None)
        counted = chat_id is not None and type(method).__name__.startswith(COUNTED)
        for attempt in range(self.limits.max_retries + 1):
            if counted:
                await self._chat_limiter(chat_id).acquire()
                await self._overall.acquire()
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as err:
                if attempt == self.limits.max_retries:
                    raise
                wait = min(float(err.retry_after), self.limits.max_retry_after)
                log.warning("429 on %s: retrying after %.0f s", type(method).__name__, wait)
                await asyncio.sleep(wait)
            except TelegramForbiddenError:
                if self.on_blocked is not None and isinstance(chat_id, int) and chat_id > 0:
                    await self.on_blocked(chat_id)
                raise
        raise AssertionError("unreachable")  # the loop returns or raises
