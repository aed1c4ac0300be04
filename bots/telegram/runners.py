"""Running the bot: long polling, or an aiohttp webhook server that answers only after processing.

In webhook mode the update is handled inside the request (``handle_in_background=False``): a failure
returns a 5xx, so Telegram delivers the update again, and de-duplication keeps a success from repeating.
A delivery of an update another process is still working on (a live claim, see ``dedup``) is answered
503, so Telegram delivers it again later instead of it being dropped if that process dies.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import urlparse

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import TelegramMethod
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bots.telegram.dedup import DELIVERY_KEY, Delivery
from bots.telegram.startup_calls import StartupCall, when_reachable

log = logging.getLogger(__name__)
DEFAULT_PATH = "/telegram/webhook"


def webhook_secret(token: str) -> str:
    """A secret token derived from the bot token: the same on every replica, never the token itself."""
    return hashlib.sha256(b"winstreak-webhook:" + token.encode()).hexdigest()[:48]


def webhook_path(url: str) -> str:
    """The path part of the public webhook URL (where the reverse proxy forwards to)."""
    return urlparse(url).path or DEFAULT_PATH


async def run_polling(bot: Bot, dispatcher: Dispatcher, *, close_bot_session: bool = True) -> None:
    """Long polling until stopped; a webhook left from webhook mode is removed first.

    An unreachable Bot API is not fatal: getMe (which polling needs first) is tried again with backoff until it
    answers, then polling retries with its own backoff (and ``/readyz`` says not connected meanwhile).
    """
    await when_reachable("getMe before polling", bot.me)  # aiogram's polling asks it once, unguarded; now cached
    try:
        await bot.delete_webhook(drop_pending_updates=False)
    except TelegramNetworkError:
        log.warning("the Bot API cannot be reached; polling will retry")
    await dispatcher.start_polling(
        bot,
        handle_signals=False,
        allowed_updates=dispatcher.resolve_used_update_types(),
        close_bot_session=close_bot_session,
    )


class RedeliveringRequestHandler(SimpleRequestHandler):
    """The webhook request handler; a delivery held elsewhere gets 503 (Telegram retries non-2xx later)."""

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        delivery = Delivery()
        data = {**self.data, DELIVERY_KEY: delivery}
        result: TelegramMethod[Any] | None = await self.dispatcher.feed_webhook_update(
            bot, await request.json(loads=bot.session.json_loads), **data
        )
        if delivery.held:
            return web.Response(status=503, text="being processed elsewhere; retry later", headers=RETRY_LATER)
        return web.Response(body=self._build_response_writer(bot=bot, result=result))


RETRY_LATER = {"Retry-After": "5"}


def webhook_app(bot: Bot, dispatcher: Dispatcher, *, url: str, secret: str) -> web.Application:
    """An aiohttp app serving the webhook at the URL's path; startup registers it with setWebhook."""
    app = web.Application()
    register = mount_webhook(app, bot, dispatcher, url=url, secret=secret)

    async def set_webhook() -> None:
        await register()

    dispatcher.startup.register(set_webhook)
    return app


def mount_webhook(
    app: web.Application, bot: Bot, dispatcher: Dispatcher, *, url: str, secret: str
) -> Callable[[], Awaitable[None]]:
    """Serve the webhook on an existing (not yet started) app; its shutdown closes the bot's session.

    Returns the call registering the webhook (setWebhook), to make once the server listens; while the Bot API
    cannot be reached it is made again in the background (:mod:`bots.telegram.startup_calls`).
    """

    async def set_webhook() -> None:
        await bot.set_webhook(url, secret_token=secret, allowed_updates=dispatcher.resolve_used_update_types())

    call = StartupCall("the webhook (setWebhook)", set_webhook)  # Telegram away: served anyway, set once it answers

    async def stop_trying(_app: web.Application) -> None:
        await call.close()

    async def close_session(_app: web.Application) -> AsyncIterator[None]:
        yield  # aiohttp runs no on_shutdown nor on_cleanup hook when start-up failed, but this exit it does run
        await call.close()
        await bot.session.close()

    # on shutdown, in this order: stop retrying, the dispatcher's shutdown (its own retries), close the session
    app.on_shutdown.append(stop_trying)
    app.cleanup_ctx.append(close_session)
    setup_application(app, dispatcher, bot=bot)
    handler = RedeliveringRequestHandler(
        dispatcher=dispatcher, bot=bot, handle_in_background=False, secret_token=secret
    )
    handler.register(app, path=webhook_path(url))
    return call.start


async def serve_webhook(
    app: web.Application,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    sock: socket.socket | None = None,
    stop: asyncio.Event | None = None,
) -> None:
    """Serve until ``stop`` is set (or forever); ``sock`` serves on an already bound socket."""
    runner = web.AppRunner(app)
    await runner.setup()
    site: web.BaseSite = web.SockSite(runner, sock) if sock is not None else web.TCPSite(runner, host, port)
    await site.start()
    try:
        await (stop or asyncio.Event()).wait()
    finally:
        await runner.cleanup()
