"""Rendering :class:`~bots.common.messages.Reply` objects as Discord messages.

Texts over 2000 characters are split at line breaks; buttons become a :class:`discord.ui.View` on the last
part (``custom_id`` = the button's value, rows of at most 5). Discord allows 5 rows a message, so more rows (a
long /meals list) go on follow-up messages of their own, 5 rows each, instead of being dropped. An image or file
is attached to the first part.
The same code sends to a channel (``channel.send``) and answers an interaction (``followup.send``).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bots.common.messages import Button, Reply
from bots.common.text_split import split_text as split_parts

log = logging.getLogger(__name__)
TEXT_LIMIT = 2000
CUSTOM_ID_LIMIT = 100
LABEL_LIMIT = 80
ROW_SIZE = 5
MAX_ROWS = 5
MORE_BUTTONS = "…"  # the text of a follow-up message that only carries more buttons (no words to translate)
VIEW_TIMEOUT = 900.0  # seconds a sent view stays in discord.py's memory; clicks are routed by custom_id anyway


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` characters (see :func:`bots.common.text_split.split_text`)."""
    return split_parts(text, limit)


Send = Callable[..., Awaitable[Any]]
"""A discord.py ``send`` method: ``channel.send``, ``user.send`` or an interaction's ``followup.send``."""


def reply_views(rows: tuple[tuple[Button, ...], ...]) -> list[discord.ui.View]:
    """Views of at most 5 rows of 5 buttons, as many as the rows need (Discord's limit is 5 rows a message).

    Values over Discord's 100-character custom_id limit are left out (and logged).
    """
    views: list[discord.ui.View] = []
    row_index = MAX_ROWS
    for row in rows:
        keys = [b for b in row if len(b.value) <= CUSTOM_ID_LIMIT and b.value]
        for dropped in set(row) - set(keys):
            log.warning("button value over %d characters dropped: %r", CUSTOM_ID_LIMIT, dropped.value)
        for start in range(0, len(keys), ROW_SIZE):
            if row_index >= MAX_ROWS:
                views.append(discord.ui.View(timeout=VIEW_TIMEOUT))
                row_index = 0
            for button in keys[start : start + ROW_SIZE]:
                label = button.label[:LABEL_LIMIT] or "·"
                views[-1].add_item(discord.ui.Button(label=label, custom_id=button.value, row=row_index))
            row_index += 1
    return views


def reply_view(rows: tuple[tuple[Button, ...], ...]) -> discord.ui.View | None:
    """The first view of :func:`reply_views` (the one sent with the text), or None without buttons."""
    views = reply_views(rows)
    return views[0] if views else None


def attachments(reply: Reply) -> list[discord.File]:
    """The reply's picture and file as uploads."""
    files = []
    if reply.image is not None:
        files.append(discord.File(io.BytesIO(reply.image), filename=reply.image_name))
    if reply.document is not None:
        files.append(discord.File(io.BytesIO(reply.document), filename=reply.document_name))
    return files


async def send_reply(send: Send, reply: Reply, **extra: Any) -> None:
    """Send one reply: its text parts, the attachments with the first, the buttons with the last."""
    parts = split_text(reply.text, TEXT_LIMIT) if reply.text.strip() else [""]
    files, views = attachments(reply), reply_views(reply.buttons)
    for n, part in enumerate(parts):
        kwargs: dict[str, Any] = dict(extra)
        if n == 0 and files:
            kwargs["files"] = files
        if n == len(parts) - 1 and views:
            kwargs["view"] = views[0]
        if part or "files" in kwargs or "view" in kwargs:  # Discord refuses an empty message
            await send(part or None, **kwargs)
    for more in views[1:]:  # the rows past Discord's 5 a message, each page under a plain ellipsis
        await send(MORE_BUTTONS, view=more, **extra)


async def send_replies(send: Send, replies: list[Reply], **extra: Any) -> bool:
    """Send every reply in order; False when Discord refuses (the user blocks the bot or left the server)."""
    try:
        for reply in replies:
            await send_reply(send, reply, **extra)
    except discord.Forbidden:
        log.info("Discord refused a message (403): the rest dropped")
        return False
    return True
