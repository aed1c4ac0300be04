"""Inline-button presses: answered, the pressed choice shown under the message, then handled.

In webhook mode the answer goes back in the webhook's response (:mod:`bots.telegram.press_answer`); in
long polling it is made at once, before the rest.

Every press goes in as an ``Incoming.choice`` carrying its tag (see :mod:`bots.common.buttons`): the
conversation runs it only when it belongs to the newest buttons of its kind, and says so otherwise.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import CallbackQuery, Message

from bots.common.buttons import untagged
from bots.common.conversation import Conversation
from bots.common.identity import ChatIdentity
from bots.telegram.dedup import Delivery
from bots.telegram.press_answer import PressAnswer
from bots.telegram.routers.common import converse
from bots.telegram.routers.groups import group_command
from bots.telegram.routers.inline_filter import inline


def pressed_label(message: Message, data: str) -> str:
    """The label of the button carrying ``data`` in the message's keyboard."""
    markup = message.reply_markup
    for row in markup.inline_keyboard if markup else []:
        for button in row:
            if button.callback_data == data:
                return button.text
    return data


async def mark_choice(message: Message, data: str, current: bool = True) -> bool:
    """Replace the keyboard by the chosen label, so a button cannot be pressed twice; True once no keys show.

    A stale press (an older message's button) only loses the keyboard: nothing was chosen.
    """
    if message.text is None:
        return message.reply_markup is None
    try:
        if current:
            await message.edit_text(f"{message.text}\n\n✔ {pressed_label(message, data)}", reply_markup=None)
        elif message.reply_markup is not None:  # a press carries the message as it is now: keys already gone
            await message.edit_reply_markup(reply_markup=None)
    except TelegramBadRequest:  # too old to edit, or unchanged: the choice is still handled
        return False
    return True


def callback_router() -> Router:
    """A new router for button presses."""
    router = Router(name="callbacks")

    @router.callback_query(inline(F.data))
    async def on_button(
        query: CallbackQuery,
        bot: Bot,
        identity: ChatIdentity,
        conversation: Conversation,
        delivery: Delivery | None = None,
    ) -> AnswerCallbackQuery | None:
        # a webhook delivery (``delivery``) carries the press's answer back in its response: one request fewer
        async with PressAnswer(query, in_response=delivery is not None) as answer:
            data = query.data or ""
            incoming = identity.incoming(choice=data)
            if isinstance(query.message, Message):
                current = await conversation.press_is_current(incoming)
                answer.keys_leaving()  # the edit takes the pressed button, and its spinner, off
                if not await mark_choice(query.message, data, current):
                    await answer.now()  # the button still shows: stop its spinner now
            else:
                await answer.now()  # a message too old to edit
            if identity.is_group:
                await group_command(bot, conversation, identity, untagged(data), choice=data)
            else:
                await converse(bot, conversation, incoming)  # the conversation checks the tag, answers a stale press
        return answer.method()

    return router
