"""Whether the Bot API answers: a session middleware remembering the outcome of the last API call.

``/readyz`` asks it: connected after a call got an answer from the Bot API (an API error is an answer too),
not connected before the first answer, after a network failure, or when the token is refused.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramUnauthorizedError
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType


class ConnectionProbe(BaseRequestMiddleware):
    """Records the last call's outcome; :attr:`problem` is None while connected."""

    def __init__(self) -> None:
        self.problem: str | None = "no answer from the Bot API yet"

    async def __call__(
        self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot, method: TelegramMethod[TelegramType]
    ) -> Response[TelegramType]:
        """Make the call and remember whether the Bot API answered."""
        try:
            response = await make_request(bot, method)
        except TelegramUnauthorizedError:
            self.problem = "the Bot API refused the token"
            raise
        except TelegramNetworkError:
            self.problem = "the Bot API cannot be reached"
            raise
        except TelegramAPIError:
            self.problem = None
            raise
        self.problem = None
        return response
