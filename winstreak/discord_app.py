"""Wiring the Discord bot: the client with the chat conversation, reachability, the outbox transport, running.

Part of the composition root; ``winstreak run`` and the end-to-end tests use it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from bots.common.notifications import Renderer
from bots.discord.bot import WinStreakBot
from bots.discord.outbox_transport import DiscordTransport
from bots.discord.startup import until_reachable
from core.services.set_reachable import set_reachable
from ops.http import OpsServer
from winstreak.bootstrap import App
from winstreak.ops_wiring import platform_check
from winstreak.telegram_app import chat_conversation


def discord_token(app: App) -> str:
    """The configured bot token (refuses to start without one)."""
    token = app.settings.discord_token
    if token is None or not token.get_secret_value().strip():
        raise ValueError("WINSTREAK_DISCORD_TOKEN is not set")
    return token.get_secret_value().strip()


def discord_bot(app: App, **options: Any) -> WinStreakBot:
    """The bot with the platforms' conversation; a DM marks its author reachable again."""

    async def reachable_again(user_id: int) -> None:
        await set_reachable(app.uow(), "discord", str(user_id), True)

    return WinStreakBot(chat_conversation(app), on_private_message=reachable_again, **options)


def discord_transport(app: App, render: Renderer) -> DiscordTransport:
    """The outbox transport for scheduled DMs and channel posts."""
    return DiscordTransport(discord_token(app), render)


async def run_discord(app: App, stop: asyncio.Event | None = None) -> None:
    """Connect to the gateway (reconnecting on drops) until ``stop`` is set; a refused token ends it at once."""
    await DiscordService(app).run(stop or asyncio.Event())


class DiscordService:
    """The Discord bot of ``winstreak run``, with a readiness check (the gateway session is ready)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.bot: WinStreakBot | None = None

    def problem(self) -> str | None:
        """None while connected to the gateway, else why not."""
        if self.bot is None or not self.bot.is_ready():
            return "not connected to the Discord gateway yet"
        return "disconnected" if self.bot.is_closed() else None

    def mount(self, server: OpsServer) -> None:
        """Add the readiness check."""
        server.checks["discord"] = platform_check(self.problem)

    async def run(self, stop: asyncio.Event) -> None:
        """Connect until ``stop`` is set (closing the client closes its HTTP session).

        Discord unreachable at start: wait for it (readiness says not connected), since discord.py's login
        is tried once; a refused token ends it at once.
        """
        self.bot = discord_bot(self.app)
        token = discord_token(self.app)
        waiter = asyncio.create_task(stop.wait())
        reach = asyncio.create_task(until_reachable(token))
        try:
            await asyncio.wait({reach, waiter}, return_when=asyncio.FIRST_COMPLETED)
            if not reach.done():  # stopped before Discord could be reached
                reach.cancel()
                await asyncio.wait({reach})
                return
            reach.result()  # a refused token: LoginFailure
            running = asyncio.create_task(self.bot.start(token))
            try:
                await asyncio.wait({running, waiter}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                await self.bot.close()
                await running
        finally:
            waiter.cancel()
