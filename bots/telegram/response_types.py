"""Keeps aiogram's parametrized ``Response[...]`` model of each API method alive, so it is built once.

aiogram decodes every Bot API answer with ``Response[method.__returning__]``. pydantic caches parametrized
generic models in a ``WeakValueDictionary``: when nothing else holds ``Response[Message]``, the class is
collected after the call and the next call builds it again (a new pydantic model and its validator: about
a millisecond of CPU on every sendMessage, editMessageText, answerCallbackQuery...). This session middleware
holds one strong reference per method class, taken the first time that method is called.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType


class PinResponseTypes(BaseRequestMiddleware):
    """Holds ``Response[T]`` for every method class called through the session (a few dozen at most)."""

    def __init__(self) -> None:
        self.pinned: dict[type[Any], type[Any]] = {}

    async def __call__(
        self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot, method: TelegramMethod[TelegramType]
    ) -> Response[TelegramType]:
        """Pin the method's response model (first call of that method only), then make the call."""
        kind = type(method)
        if kind not in self.pinned:
            self.pinned[kind] = Response[method.__returning__]  # type: ignore[name-defined]
        return await make_request(bot, method)
