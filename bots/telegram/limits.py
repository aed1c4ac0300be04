"""Outgoing limits as an aiogram session middleware: every API call passes through it.

Telegram bounds replies per chat (about one message a second in a private chat, 20 a minute in a group) and
asks bulk notifications to stay under about 30 a second for the whole bot. So:

* an interactive reply (a handler answering someone) waits only for its chat's ``aiolimiter`` bucket;
* a bulk send (the outbox: daily results, reminders, broadcasts — run inside :func:`bulk_sending`) waits for
  its chat's bucket and for the bot-wide bucket;
* chat actions ("typing…") and calls that post nothing (getFile, answerCallbackQuery, ...) are not queued at all.

A 429 is retried after its ``retry_after`` and a 5xx after a short exponential backoff, through tenacity (bounded
attempts; tests/e2e/faults/test_platform_errors.py); a 403 (the user blocked the bot)
calls ``on_blocked`` before the error goes on to the caller.

A chat's bucket is forgotten once it has been idle for :data:`IDLE_FORGET_S` and is empty again (a fresh bucket
is then the same thing), so memory follows the chats active in the last minute, not every chat ever answered;
``Limits.remembered_chats`` bounds it besides.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import Response, SendChatAction, TelegramMethod
from aiogram.methods.base import TelegramType
from aiolimiter import AsyncLimiter
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt

if TYPE_CHECKING:
    from aiogram import Bot

log = logging.getLogger(__name__)
COUNTED = ("Send", "Edit", "Copy", "Forward")  # method classes that post or change a message
UNQUEUED = (SendChatAction,)  # "typing…" is not a message: never held behind one
_BULK: ContextVar[bool] = ContextVar("winstreak_telegram_bulk", default=False)
_RETRIED = (TelegramRetryAfter, TelegramServerError)
IDLE_FORGET_S = 60.0  # a bucket unused this long (and empty) is forgotten: the longest one drains in a minute


@contextmanager
def bulk_sending() -> Iterator[None]:
    """Calls made inside share the bot-wide budget (outbox deliveries); replies to people do not."""
    token = _BULK.set(True)
    try:
        yield
    finally:
        _BULK.reset(token)


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
    """Throttles message-sending calls (per chat; bulk ones bot-wide too), retries after 429, reports 403."""

    def __init__(self, limits: Limits, on_blocked: Callable[[int], Awaitable[None]] | None = None) -> None:
        self.limits = limits
        self.on_blocked = on_blocked
        # No burst overall: one message every 1/rate seconds, so no one-second window ever exceeds the rate.
        self._overall = AsyncLimiter(1, 1 / limits.overall_per_second)
        self._chats: OrderedDict[int | str, tuple[AsyncLimiter, float]] = OrderedDict()  # least recent first

    @property
    def remembered(self) -> int:
        """How many chats' buckets are kept now."""
        return len(self._chats)

    def _chat_limiter(self, chat_id: int | str, now: float | None = None) -> AsyncLimiter:
        now = time.monotonic() if now is None else now
        kept = self._chats.pop(chat_id, None)
        if kept is not None:
            limiter = kept[0]
        elif isinstance(chat_id, str) or chat_id < 0:  # a group
            limiter = AsyncLimiter(self.limits.per_group_per_minute, 60)
        else:
            limiter = AsyncLimiter(self.limits.chat_burst, self.limits.chat_burst / self.limits.per_chat_per_second)
        self._chats[chat_id] = (limiter, now)
        self._forget_idle(now)
        return limiter

    def _forget_idle(self, now: float) -> None:
        """Drop the least recently used buckets that are idle and empty, and any beyond the bound."""
        while len(self._chats) > self.limits.remembered_chats:
            self._chats.popitem(last=False)
        while self._chats:
            oldest, used = next(iter(self._chats.values()))
            if now - used < IDLE_FORGET_S or not oldest.has_capacity(oldest.max_rate):
                return
            self._chats.popitem(last=False)

    def _delay(self, error: BaseException | None, attempt: int) -> float:
        """How long to wait after failed ``attempt`` (1-based): a 429's ``retry_after``, else 0.5 s, 1 s, 2 s."""
        if isinstance(error, TelegramRetryAfter):
            return min(float(error.retry_after), self.limits.max_retry_after)
        return min(0.5 * 2.0 ** (attempt - 1), self.limits.max_retry_after)

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        return self._delay(error, state.attempt_number + 1)  # attempt 1 was made before tenacity

    @staticmethod
    def _log_retry(error: BaseException | None, wait: float, attempt: int) -> None:
        status = 429 if isinstance(error, TelegramRetryAfter) else "5xx"
        log.warning("%s from Telegram: retrying after %.1f s (attempt %d)", status, wait, attempt)

    def _before_sleep(self, state: RetryCallState) -> None:
        wait = state.next_action.sleep if state.next_action else 0.0
        self._log_retry(state.outcome.exception() if state.outcome else None, wait, state.attempt_number + 1)

    async def __call__(
        self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot, method: TelegramMethod[TelegramType]
    ) -> Response[TelegramType]:
        """Wait for the buckets this call needs, make it, retry on 429 and 5xx."""
        chat_id: Any = getattr(method, "chat_id", None)
        counted = chat_id is not None and type(method).__name__.startswith(COUNTED) and not isinstance(method, UNQUEUED)
        bulk = _BULK.get()

        async def attempt() -> Response[TelegramType]:
            if counted:
                await self._chat_limiter(chat_id).acquire()
                if bulk:
                    await self._overall.acquire()
            return await make_request(bot, method)

        try:
            try:  # the usual case, a call that succeeds, without building a retry loop (≈ 2 % of a busy bot's CPU)
                return await attempt()
            except _RETRIED as error:
                wait = self._delay(error, 1)
                self._log_retry(error, wait, 1)
            await asyncio.sleep(wait)
            retrying = AsyncRetrying(
                retry=retry_if_exception_type(_RETRIED),
                stop=stop_after_attempt(self.limits.max_retries),  # attempt 1 was made above
                wait=self._wait,
                before_sleep=self._before_sleep,
                reraise=True,
            )
            async for tried in retrying:
                with tried:
                    return await attempt()
        except TelegramForbiddenError:
            if self.on_blocked is not None and isinstance(chat_id, int) and chat_id > 0:
                await self.on_blocked(chat_id)
            raise
        raise AssertionError("unreachable")  # tenacity returns the result or re-raises the last error
