"""Middlewares over whole Telegram updates: any other event passes through them untouched."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class UpdateMiddleware(BaseMiddleware):
    """Calls :meth:`on_update` for an :class:`Update`; other events go straight on to ``handler``."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """Dispatch an update to :meth:`on_update`."""
        if not isinstance(event, Update):
            return await handler(event, data)
        return await self.on_update(handler, event, data)

    @abstractmethod
    async def on_update(self, handler: Handler, event: Update, data: dict[str, Any]) -> Any:
        """Handle one update (call ``handler(event, data)`` to go on)."""
