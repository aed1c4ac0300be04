"""Wiring the Telegram bot: chat-feature commands, the Bot with its limits, the Dispatcher, polling or webhook.

Part of the composition root (it picks the SQL stores); ``winstreak run`` and the end-to-end tests use it.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from aiogram import Bot, Dispatcher

from bots.common.conversation import CommandHandler, Conversation
from bots.telegram.app import create_bot, create_dispatcher
from bots.telegram.limits import Limits
from bots.telegram.runners import run_polling, serve_webhook, webhook_app, webhook_secret
from core.services.set_reachable import set_reachable
from storage.chat.updates import SqlUpdateLog
from winstreak.bootstrap import App

UPDATE_LEASE = timedelta(minutes=2)  # a claim older than this (replica died mid-update) may be taken over
UPDATE_MEMORY = timedelta(days=2)  # Telegram gives up redelivering long before; older ids are pruned at start


def chat_commands(app: App) -> dict[str, CommandHandler]:
    """The feature commands the app's conversation has beyond the built-ins (see :mod:`winstreak.commands`)."""
    return dict(app.extra_commands)


def chat_conversation(app: App) -> Conversation:
    """The conversation every chat platform uses."""
    return app.conversation


def telegram_bot(app: App, *, limits: Limits | None = None) -> Bot:
    """The Bot for the configured token and API base; a 403 marks the private chat's user inactive."""
    token = app.settings.telegram_token
    if token is None:
        raise ValueError("WINSTREAK_TELEGRAM_TOKEN is not set")

    async def blocked(chat_id: int) -> None:
        await set_reachable(app.uow(), "telegram", str(chat_id), False)

    return create_bot(
        token.get_secret_value(), api_base=app.settings.telegram_api_base, limits=limits, on_blocked=blocked
    )


def telegram_dispatcher(app: App, conversation: Conversation | None = None) -> Dispatcher:
    """A Dispatcher de-duplicating updates in the database (old ids pruned at start-up)."""
    updates = SqlUpdateLog(app.sessions, "telegram", UPDATE_LEASE)

    async def reachable_again(user_id: int) -> None:
        await set_reachable(app.uow(), "telegram", str(user_id), True)

    async def prune_update_ids() -> None:
        await updates.prune(app.deps.clock.now() - UPDATE_MEMORY)

    dispatcher = create_dispatcher(conversation or chat_conversation(app), updates, reachable_again)
    dispatcher.startup.register(prune_update_ids)
    return dispatcher


async def run_telegram(app: App, stop: asyncio.Event | None = None) -> None:
    """Webhook mode when a webhook URL is set, long polling otherwise; returns when ``stop`` is set."""
    settings = app.settings
    bot, dispatcher = telegram_bot(app), telegram_dispatcher(app)
    if not settings.telegram_webhook_url:
        polling = asyncio.create_task(run_polling(bot, dispatcher))
        waiter = asyncio.create_task((stop or asyncio.Event()).wait())
        await asyncio.wait({polling, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if not polling.done():
            await dispatcher.stop_polling()
        await polling
        waiter.cancel()
        return
    assert settings.telegram_token is not None
    given = settings.telegram_webhook_secret
    secret = given.get_secret_value() if given else webhook_secret(settings.telegram_token.get_secret_value())
    web_app = webhook_app(bot, dispatcher, url=settings.telegram_webhook_url, secret=secret)
    await serve_webhook(web_app, host=settings.telegram_webhook_host, port=settings.telegram_webhook_port, stop=stop)
