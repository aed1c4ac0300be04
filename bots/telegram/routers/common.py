"""What every router does with an :class:`Incoming`: show "typing", ask the conversation, send the replies."""

from __future__ import annotations

from aiogram import Bot
from aiogram.utils.chat_action import ChatActionSender

from bots.common.conversation import Conversation
from bots.common.messages import Incoming, Reply
from bots.telegram.sending import send_replies


async def converse(bot: Bot, conversation: Conversation, incoming: Incoming) -> None:
    """Answer one message; the chat shows "typing…" while the conversation works."""
    chat_id = int(incoming.chat_id)
    async with ChatActionSender.typing(bot=bot, chat_id=chat_id):
        replies = await conversation.handle(incoming)
    await send_replies(bot, chat_id, replies)


async def say(bot: Bot, chat_id: int, text: str) -> None:
    """Send one adapter-level text (refusals, limits)."""
    await send_replies(bot, chat_id, [Reply(text)])
