"""Downloading photos and voice notes through the Bot API file URL (getFile, then the file path)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import Message

from bots.common.downloads import capped_download


async def download(bot: Bot, file_id: str, size: int | None) -> bytes:
    """The file's bytes; refuses files over the cap (the Bot API would not serve them anyway)."""

    async def fetch() -> bytes:
        stream = await bot.download(file_id)
        assert stream is not None  # no destination given: aiogram returns a BytesIO
        return stream.read()

    return await capped_download(file_id, size, fetch)


async def photo_bytes(bot: Bot, message: Message) -> bytes | None:
    """The largest size of a photo, or an image sent as a file; None when the message has neither."""
    if message.photo:
        largest = message.photo[-1]
        return await download(bot, largest.file_id, largest.file_size)
    document = message.document
    if document is not None and (document.mime_type or "").startswith("image/"):
        return await download(bot, document.file_id, document.file_size)
    return None


async def voice_bytes(bot: Bot, message: Message) -> bytes | None:
    """A voice note or audio file, or None."""
    media = message.voice or message.audio
    if media is None:
        return None
    return await download(bot, media.file_id, media.file_size)
