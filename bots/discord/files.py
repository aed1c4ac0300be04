"""Reading attachments through discord.py: images become photos, audio files and voice messages voice notes."""

from __future__ import annotations

import discord

from bots.common.downloads import capped_download


def is_image(attachment: discord.Attachment) -> bool:
    """A picture (JPEG, PNG, WebP, …)."""
    return (attachment.content_type or "").startswith("image/")


def is_audio(attachment: discord.Attachment, message: discord.Message) -> bool:
    """An audio file or a Discord voice message."""
    return message.flags.voice or (attachment.content_type or "").startswith("audio/")


async def read(attachment: discord.Attachment) -> bytes:
    """The attachment's bytes (downloaded from its URL by discord.py); refuses oversized files."""
    return await capped_download(attachment.filename, attachment.size, attachment.read)


async def media_of(message: discord.Message) -> tuple[bytes | None, bytes | None, bool]:
    """``(photo, voice, unsupported)``: the first image and the first recording; True when only other files came."""
    photo = voice = None
    for attachment in message.attachments:
        if photo is None and is_image(attachment):
            photo = await read(attachment)
        elif voice is None and is_audio(attachment, message):
            voice = await read(attachment)
    return photo, voice, bool(message.attachments) and photo is None and voice is None
