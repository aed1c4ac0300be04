"""Delivering outbox messages to Telegram chats, mapping Bot API failures to retry / blocked / failed."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)

from bots.common.notifications import Renderer
from bots.telegram.limits import bulk_sending
from bots.telegram.sending import send_reply
from core.model.outbox import Delivery, DeliveryStatus, OutboxMessage


class TelegramTransport:
    """:class:`core.ports.Transport` for Telegram; the Bot's session middleware does the rate limiting.

    Deliveries run inside :func:`~bots.telegram.limits.bulk_sending`, so they share the bot-wide budget.
    """

    def __init__(self, bot: Bot, render: Renderer) -> None:
        self._bot = bot
        self._render = render

    async def deliver(self, message: OutboxMessage) -> Delivery:
        """Render and send; a 429 or a server/network error asks for a retry, a 403 means blocked."""
        replies = await self._render(message)
        if not replies:
            return Delivery(DeliveryStatus.FAILED, error=f"nothing to send for {message.kind}")
        try:
            chat_id = int(message.chat_id)
        except ValueError:
            return Delivery(DeliveryStatus.FAILED, error=f"not a Telegram chat id: {message.chat_id!r}")
        try:
            with bulk_sending():  # scheduled and broadcast messages share the bot-wide budget
                for reply in replies:
                    await send_reply(self._bot, chat_id, reply)
        except TelegramRetryAfter as err:
            return Delivery(DeliveryStatus.RETRY, retry_after=float(err.retry_after), error=str(err))
        except TelegramForbiddenError as err:
            return Delivery(DeliveryStatus.BLOCKED, error=str(err))
        except (TelegramServerError, TelegramNetworkError) as err:
            return Delivery(DeliveryStatus.RETRY, error=str(err))
        except TelegramBadRequest as err:
            return Delivery(DeliveryStatus.FAILED, error=str(err))
        return Delivery(DeliveryStatus.SENT)
