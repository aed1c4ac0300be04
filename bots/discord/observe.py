"""Metrics and log context of each Discord message, slash command and button click (as Telegram's middleware).

Each handled event binds ``update_id`` (the Discord message or interaction id) and ``platform`` to the log
context, is counted in ``winstreak_updates_total`` and timed in ``winstreak_update_seconds`` by kind (text,
command, photo, voice, button, other) and outcome: ``error`` when it raised or was answered with an apology
(:func:`mark_failed`). Server messages not addressed to the bot are not handled, so not counted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar

import discord
import structlog

from bots.discord.files import is_audio, is_image
from ops.metrics import UPDATE_SECONDS, UPDATES

PLATFORM = "discord"
COMMAND_PREFIXES = ("!", "/")
log = logging.getLogger(__name__)
_failed: ContextVar[list[bool] | None] = ContextVar("winstreak_discord_failed", default=None)


def message_kind(message: discord.Message) -> str:
    """A small fixed label for a direct message: photo, voice, command, text or other."""
    if any(is_image(attachment) for attachment in message.attachments):
        return "photo"
    if any(is_audio(attachment, message) for attachment in message.attachments):
        return "voice"
    text = message.content.strip()
    if not text or message.attachments:
        return "other"
    return "command" if text.startswith(COMMAND_PREFIXES) else "text"


def mark_failed() -> None:
    """The event being handled failed and was answered with an apology: its outcome is ``error``."""
    flag = _failed.get()
    if flag is not None:
        flag[0] = True


@asynccontextmanager
async def observed(kind: str, event_id: int) -> AsyncIterator[None]:
    """Handle one event within its log context, counted and timed (an exception passes through, as ``error``)."""
    flag = [False]
    token = _failed.set(flag)
    started = time.perf_counter()
    outcome = "error"
    with structlog.contextvars.bound_contextvars(update_id=event_id, platform=PLATFORM):
        try:
            yield
            outcome = "error" if flag[0] else "ok"
        finally:
            seconds = time.perf_counter() - started
            _failed.reset(token)
            UPDATES.labels(PLATFORM, kind, outcome).inc()
            UPDATE_SECONDS.labels(PLATFORM, kind).observe(seconds)
            log.info("update handled", extra={"kind": kind, "outcome": outcome, "ms": round(seconds * 1000)})
