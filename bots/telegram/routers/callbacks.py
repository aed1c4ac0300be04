"""Inline-button presses: answered at once, the pressed choice shown under the message, then handled.

Every press goes in as an ``Incoming.choice`` carrying its tag (see :mod:`bots.common.buttons`): the
conversation runs it only when it belongs to the newest buttons of its kind, and says so otherwise.
"""

from __future__ import annotations

from contextlib import suppress

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bots.common.buttons import untagged
from bots.common.conversation import Conversation
from bots.common.identity import ChatIdentity
from bots.telegram.routers.common import converse
from bots.telegram.routers.groups import group_command


def pressed_label(message: Message, data: str) -> str:
    """The label of the button carrying ``data`` in the message's keyboard."""
    markup = message.reply_markup
    for row in markup.inline_keyboard if markup else []:
        for button in row:
            if button.callback_data == data:
                return button.text
    return data


async def mark_choice(message: Message, data: str, current: bool = True) -> None:
    """Replace the keyboard by the chosen label, so a button cannot be pressed twice.

    A stale press (an older message's button) only loses the keyboard: nothing was chosen.
    """
    if message.text is None:
        return
    with suppress(TelegramBadRequest):  # too old to edit, or unchanged: the choice is still handled
        if current:
            await message.edit_text(f"{message.text}\n\n✔ {pressed_label(message, data)}", reply_markup=None)
        else:
            await message.edit_reply_markup(reply_markup=None)


def callback_router() -> Router:
    """A new router for button presses."""
    router = Router(name="callbacks")

    @router.callback_query(F.data)
    async def on_button(query: CallbackQuery, bot: Bot, identity: ChatIdentity, conversation: Conversation) -> None:
        await query.answer()
        data = query.data or ""
        incoming = identity.incoming(choice=data)
        if isinstance(query.message, Message):
            await mark_choice(query.message, data, await conversation.press_is_current(incoming))
        if identity.is_group:
            await group_command(bot, conversation, identity, untagged(data), choice=data)
            return
        await converse(bot, conversation, incoming)  # the conversation checks the tag and answers a stale press

    return router
