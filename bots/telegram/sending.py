"""Rendering :class:`~bots.common.messages.Reply` objects as Telegram messages.

Texts over 4096 characters are split at line breaks, buttons become an inline keyboard on the last part
(``callback_data`` = the button's value), images go through sendPhoto and files through sendDocument.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramForbiddenError
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from bots.common.messages import Button, Reply
from bots.common.text_split import split_text as split_parts

log = logging.getLogger(__name__)
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_LIMIT = 64


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` characters (see :func:`bots.common.text_split.split_text`)."""
    return split_parts(text, limit)


def keyboard(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    """An inline keyboard; buttons whose value is too long for callback data are left out (and logged)."""
    built: list[list[InlineKeyboardButton]] = []
    for row in rows:
        keys = []
        for button in row:
            if len(button.value.encode()) > CALLBACK_LIMIT:
                # the value can hold what the user typed: log its size, never the value itself
                log.warning("button value over %d bytes dropped: %d bytes", CALLBACK_LIMIT, len(button.value.encode()))
                continue
            keys.append(InlineKeyboardButton(text=button.label, callback_data=button.value))
        if keys:
            built.append(keys)
    return InlineKeyboardMarkup(inline_keyboard=built) if built else None


async def send_reply(bot: Bot, chat_id: int, reply: Reply) -> None:
    """Send one reply (text parts, picture, file) to a chat."""
    markup = keyboard(reply.buttons)
    text = reply.text or " "
    if reply.image is not None:
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
        photo = BufferedInputFile(reply.image, filename=reply.image_name)
        if len(text) <= CAPTION_LIMIT and reply.document is None:
            await bot.send_photo(chat_id, photo, caption=text, reply_markup=markup)
            return
        await bot.send_photo(chat_id, photo)
    if reply.document is not None:
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
        document = BufferedInputFile(reply.document, filename=reply.document_name)
        if len(text) <= CAPTION_LIMIT:
            await bot.send_document(chat_id, document, caption=text, reply_markup=markup)
            return
        await bot.send_document(chat_id, document)
    parts = split_text(text)
    for n, part in enumerate(parts):
        await bot.send_message(chat_id, part, reply_markup=markup if n == len(parts) - 1 else None)


async def send_replies(bot: Bot, chat_id: int, replies: list[Reply]) -> bool:
    """Send every reply in order; False when the chat blocked the bot (the rest is dropped)."""
    try:
        for reply in replies:
            await send_reply(bot, chat_id, reply)
    except TelegramForbiddenError:
        log.info("chat %s blocked the bot: replies dropped", chat_id)
        return False
    return True
