"""What every router does with an :class:`Incoming`: ask the conversation, send the replies.

The chat shows "typing…" only when the answer takes a while: a ``sendChatAction`` is an API call (and an
aiohttp request) of its own, useless for a reply that comes in a few milliseconds, so it is sent only once
the conversation has worked for ``TYPING_AFTER`` seconds (then every 5 s, as Telegram shows it that long).
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.utils.chat_action import ChatActionSender

from bots.common.conversation import Conversation
from bots.common.messages import Incoming, Reply
from bots.telegram.sending import send_replies

TYPING_AFTER = 1.0  # seconds of work before the chat shows "typing…"


async def converse(
    bot: Bot, conversation: Conversation, incoming: Incoming, typing_after: float = TYPING_AFTER
) -> None:
    """Answer one message; the chat shows "typing…" once the conversation has worked ``typing_after`` s."""
    chat_id = int(incoming.chat_id)
    async with ChatActionSender.typing(bot=bot, chat_id=chat_id, initial_sleep=typing_after):
        replies = await conversation.handle(incoming)
    await send_replies(bot, chat_id, replies)


async def say(bot: Bot, chat_id: int, text: str) -> None:
    """Send one adapter-level text (refusals, limits)."""
    await send_replies(bot, chat_id, [Reply(text)])
