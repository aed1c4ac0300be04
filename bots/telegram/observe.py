"""The outermost update middleware: log context, metrics, in-flight tracking and the error answer.

Each update binds ``update_id`` and ``platform`` to the log context, is counted and timed by kind
(text, command, photo, voice, button), and is tracked while in flight so a graceful stop can wait for it.
A handler that raises gets the user a short apology with an error id; the log line carries the id and the
traceback, and the update is acknowledged (the webhook answers 200, polling moves on), so it is answered once.
Except in webhook mode when the database was away (``retry_later``): then nothing is answered, the webhook
answers 5xx and Telegram delivers the update again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import structlog
from aiogram import Bot
from aiogram.types import Update

from bots.common.error_reply import apology_text, new_error_id
from bots.telegram.identity import identity_of_update
from bots.telegram.retry_later import retry_later
from bots.telegram.update_middleware import Handler, UpdateMiddleware
from ops.metrics import ERRORS, UPDATE_SECONDS, UPDATES

log = logging.getLogger(__name__)
PLATFORM = "telegram"


def update_kind(update: Update) -> str:
    """A small fixed label for metrics: text, command, photo, voice, button or other."""
    if update.callback_query is not None:
        return "button"
    message = update.message
    if message is None:
        return "other"
    if message.photo or (message.document is not None and (message.document.mime_type or "").startswith("image/")):
        return "photo"
    if message.voice is not None or message.audio is not None:
        return "voice"
    if message.text:
        return "command" if message.text.startswith("/") else "text"
    return "other"


class InFlight:
    """How many updates are being handled; :meth:`idle` waits (bounded) until none is."""

    def __init__(self) -> None:
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def enter(self) -> None:
        """One more update in flight."""
        self.count += 1
        self._idle.clear()

    def leave(self) -> None:
        """One update done."""
        self.count -= 1
        if self.count == 0:
            self._idle.set()

    async def idle(self, seconds: float) -> bool:
        """True when nothing is in flight within ``seconds``."""
        try:
            await asyncio.wait_for(self._idle.wait(), seconds)
        except TimeoutError:
            return False
        return True


FAILED = "winstreak_failed"  # set in the handler data when the update failed and was answered


class ObserveMiddleware(UpdateMiddleware):
    """Context, metrics, in-flight tracking; register it first, so it wraps everything else.

    A failure before the handlers (e.g. the database down while claiming the update) is answered here.
    """

    def __init__(self, in_flight: InFlight | None = None) -> None:
        self.in_flight = in_flight or InFlight()

    async def on_update(self, handler: Handler, event: Update, data: dict[str, Any]) -> Any:
        """Handle the update within its log context, counted and timed."""
        kind = update_kind(event)
        started = time.perf_counter()
        self.in_flight.enter()
        outcome = "error"
        with structlog.contextvars.bound_contextvars(update_id=event.update_id, platform=PLATFORM):
            try:
                result = await handler(event, data)
                outcome = "error" if data.get(FAILED) else "ok"
                return result
            except Exception as error:
                if retry_later(error, data):
                    outcome = "retry"
                    log.warning("update not handled, database away (%s): left to redelivery", type(error).__name__)
                    raise
                await answer_failure(event, data)
                return None
            finally:
                seconds = time.perf_counter() - started
                UPDATES.labels(PLATFORM, kind, outcome).inc()
                UPDATE_SECONDS.labels(PLATFORM, kind).observe(seconds)
                self.in_flight.leave()
                log.info("update handled", extra={"kind": kind, "outcome": outcome, "ms": round(seconds * 1000)})


class AnswerErrorsMiddleware(UpdateMiddleware):
    """Innermost: a handler that raises is answered with an apology, so the update counts as handled once."""

    async def on_update(self, handler: Handler, event: Update, data: dict[str, Any]) -> Any:
        """Run the handlers; on failure log it with an error id and apologise."""
        try:
            return await handler(event, data)
        except Exception as error:
            if retry_later(error, data):
                raise  # the outer middlewares release the claim; the webhook answers 5xx
            await answer_failure(event, data)
            return None


async def answer_failure(update: Update, data: dict[str, Any]) -> None:
    """Log the exception being handled with a new error id, count it, send the user the apology."""
    error_id = new_error_id()
    data[FAILED] = True
    log.exception("update failed", extra={"error_id": error_id, "kind": update_kind(update)})
    ERRORS.labels(PLATFORM).inc()
    identity = identity_of_update(update)
    bot = data.get("bot")
    if not isinstance(bot, Bot) or identity is None:
        return
    try:
        await bot.send_message(identity.chat_id, apology_text(identity.language, error_id))
    except Exception:  # the apology is best effort; the failure itself is already logged
        log.warning("apology not sent", extra={"error_id": error_id}, exc_info=True)
