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
from bots.telegram.observe import InFlight
from bots.telegram.probe import ConnectionProbe
from bots.telegram.runners import mount_webhook, run_polling, webhook_secret
from core.services.set_reachable import set_reachable
from ops.http import OpsServer
from storage.chat.updates import SqlUpdateLog
from winstreak.bootstrap import App
from winstreak.ops_wiring import ops_server, platform_check

# a claim not renewed for this long (its process died mid-update) is taken over; a live one is renewed every
# 10 s (bots.telegram.dedup), and until then a redelivery is answered 503 (Telegram retries it later)
UPDATE_LEASE = timedelta(seconds=30)
UPDATE_MEMORY = timedelta(days=2)  # Telegram gives up redelivering long before; older ids are pruned at start
DRAIN_SECONDS = 20.0  # on stop, how long updates in flight may take to finish


def chat_commands(app: App) -> dict[str, CommandHandler]:
    """The feature commands the app's conversation has beyond the built-ins (see :mod:`winstreak.commands`)."""
    return dict(app.extra_commands)


def chat_conversation(app: App) -> Conversation:
    """The conversation every chat platform uses."""
    return app.conversation


def telegram_bot(app: App, *, limits: Limits | None = None, probe: ConnectionProbe | None = None) -> Bot:
    """The Bot for the configured token and API base; a 403 marks the private chat's user inactive."""
    token = app.settings.telegram_token
    if token is None:
        raise ValueError("WINSTREAK_TELEGRAM_TOKEN is not set")

    async def blocked(chat_id: int) -> None:
        await set_reachable(app.uow(), "telegram", str(chat_id), False)

    return create_bot(
        token.get_secret_value(),
        api_base=app.settings.telegram_api_base,
        limits=limits,
        on_blocked=blocked,
        probe=probe,
    )


def telegram_dispatcher(
    app: App, conversation: Conversation | None = None, in_flight: InFlight | None = None
) -> Dispatcher:
    """A Dispatcher de-duplicating updates in the database (old ids pruned at start-up)."""
    updates = SqlUpdateLog(app.sessions, "telegram", UPDATE_LEASE)

    async def reachable_again(user_id: int) -> None:
        await set_reachable(app.uow(), "telegram", str(user_id), True)

    async def prune_update_ids() -> None:
        await updates.prune(app.deps.clock.now() - UPDATE_MEMORY)

    dispatcher = create_dispatcher(conversation or chat_conversation(app), updates, reachable_again, in_flight)
    dispatcher.startup.register(prune_update_ids)
    return dispatcher


class TelegramService:
    """The bot of ``winstreak run``: long polling, or a webhook mounted on the process's HTTP server.

    On stop it takes no new update, waits (bounded) for those in flight, then closes the bot's session.
    """

    def __init__(self, app: App, *, limits: Limits | None = None) -> None:
        self.settings = app.settings
        self.probe = ConnectionProbe()
        self.in_flight = InFlight()
        self.bot = telegram_bot(app, limits=limits, probe=self.probe)
        self.dispatcher = telegram_dispatcher(app, in_flight=self.in_flight)

    def mount(self, server: OpsServer) -> None:
        """Add the readiness check, and in webhook mode the webhook path (before the server starts)."""
        server.checks["telegram"] = platform_check(lambda: self.probe.problem)
        url = self.settings.telegram_webhook_url
        if not url:
            return
        assert self.settings.telegram_token is not None
        given = self.settings.telegram_webhook_secret
        secret = given.get_secret_value() if given else webhook_secret(self.settings.telegram_token.get_secret_value())
        server.started.append(mount_webhook(server.app, self.bot, self.dispatcher, url=url, secret=secret))
        server.drains.append(self.drain)

    async def drain(self) -> None:
        """Wait (bounded) for the updates in flight."""
        await self.in_flight.idle(DRAIN_SECONDS)

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until ``stop`` (webhook mode: the server does the work; its shutdown closes the bot)."""
        if self.settings.telegram_webhook_url:
            await stop.wait()
            return
        polling = asyncio.create_task(run_polling(self.bot, self.dispatcher, close_bot_session=False))
        waiter = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({polling, waiter}, return_when=asyncio.FIRST_COMPLETED)
            if not polling.done():
                stopping = asyncio.create_task(self.dispatcher.stop_polling())
                await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
                if not stopping.done():  # polling ended by itself (it failed while starting)
                    stopping.cancel()
                elif stopping.exception() is not None:  # "Polling is not started": still removing the webhook
                    polling.cancel()
            await asyncio.wait({polling})
            if not polling.cancelled():
                polling.result()  # a polling failure goes on to the caller
            await self.drain()
        finally:
            waiter.cancel()
            await self.bot.session.close()


async def run_telegram(app: App, stop: asyncio.Event | None = None) -> None:
    """Webhook mode when a webhook URL is set, long polling otherwise, with the HTTP server; returns on ``stop``."""
    service = TelegramService(app)
    server = ops_server(app)
    service.mount(server)
    await server.start()
    try:
        await service.run(stop or asyncio.Event())
    finally:
        await server.stop()
