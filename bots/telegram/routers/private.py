"""Private chats: text and commands, photos (with or without caption), voice notes; the rest is explained."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.types import Message

from bots.common.conversation import Conversation
from bots.common.downloads import FileTooLarge
from bots.common.identity import ChatIdentity
from bots.common.platform_texts import too_large_text, unsupported_text
from bots.telegram.files import photo_bytes, voice_bytes
from bots.telegram.routers.common import converse, say
from bots.telegram.routers.inline_filter import inline


def private_router() -> Router:
    """A new router for private chats (a router can belong to one dispatcher only)."""
    router = Router(name="private")
    router.message.filter(inline(F.chat.type == ChatType.PRIVATE))

    @router.message(inline(F.text))
    async def on_text(message: Message, bot: Bot, identity: ChatIdentity, conversation: Conversation) -> None:
        await converse(bot, conversation, identity.incoming(text=message.text or ""))

    @router.message(inline(F.photo | F.document.mime_type.startswith("image/")))
    async def on_photo(message: Message, bot: Bot, identity: ChatIdentity, conversation: Conversation) -> None:
        try:
            photo = await photo_bytes(bot, message)
        except FileTooLarge:
            await say(bot, identity.chat_id, too_large_text(identity.language))
            return
        await converse(bot, conversation, identity.incoming(text=message.caption or "", photo=photo))

    @router.message(inline(F.voice | F.audio))
    async def on_voice(message: Message, bot: Bot, identity: ChatIdentity, conversation: Conversation) -> None:
        try:
            voice = await voice_bytes(bot, message)
        except FileTooLarge:
            await say(bot, identity.chat_id, too_large_text(identity.language))
            return
        await converse(bot, conversation, identity.incoming(voice=voice))

    @router.message()
    async def on_other(message: Message, bot: Bot, identity: ChatIdentity) -> None:
        await say(bot, identity.chat_id, unsupported_text(identity.language))

    return router
