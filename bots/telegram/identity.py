"""Identity middleware: a Telegram update's sender and chat become a plain :class:`ChatIdentity`.

Handlers build :class:`~bots.common.messages.Incoming` from it, so the core never sees aiogram types.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.types import Chat, Update, User

from bots.common.identity import ChatIdentity, shown_name, supported_language
from bots.telegram.update_middleware import Handler, UpdateMiddleware

PLATFORM = "telegram"
GROUP_TYPES = frozenset({"group", "supergroup"})


def identity_of(user: User, chat: Chat) -> ChatIdentity:
    """The identity of a Telegram user in a chat; a group's title is the chat's title."""
    return ChatIdentity(
        PLATFORM,
        chat_id=chat.id,
        user_id=user.id,
        display_name=shown_name(" ".join(p for p in (user.first_name, user.last_name) if p), user.username),
        language=supported_language(user.language_code),
        is_group=chat.type in GROUP_TYPES,
        title=chat.title or "",
    )


def identity_of_update(update: Update) -> ChatIdentity | None:
    """The identity behind a message or button press; None for other updates (or anonymous senders)."""
    if update.message is not None and update.message.from_user is not None:
        return identity_of(update.message.from_user, update.message.chat)
    query = update.callback_query
    if query is not None and query.message is not None:
        return identity_of(query.from_user, query.message.chat)
    return None


class IdentityMiddleware(UpdateMiddleware):
    """Puts ``identity`` into the handler data; updates without a person are dropped.

    ``on_private_message`` hears of every private message first (e.g. to mark a user who had blocked
    the bot and now writes again as reachable).
    """

    def __init__(self, on_private_message: Callable[[int], Awaitable[None]] | None = None) -> None:
        self.on_private_message = on_private_message

    async def on_update(self, handler: Handler, event: Update, data: dict[str, Any]) -> Any:
        """Attach the identity and continue."""
        identity = identity_of_update(event)
        if identity is None:
            return None
        data["identity"] = identity
        if self.on_private_message is not None and not identity.is_group and event.message is not None:
            await self.on_private_message(identity.user_id)
        return await handler(event, data)
