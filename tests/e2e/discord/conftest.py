"""Fixtures: the stand-in Discord (REST + gateway) patched into discord.py, a wired WinStreak on SQLite, the bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import discord.gateway
import discord.http
import pytest
import yarl
from pydantic import SecretStr

from bots.discord.bot import WinStreakBot
from core.ports import Clock, MealEstimator
from tests.e2e.discord.standin import StandInDiscord
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App, build_app
from winstreak.discord_app import discord_bot
from winstreak.settings import Settings

TOKEN = "standin.discord.token"
GUILD = {
    "id": "800000000000000001",
    "name": "Gym Friends",
    "channel_id": "800000000000000002",
    "admin_role": "800000000000000003",
}


@pytest.fixture
async def standin() -> AsyncIterator[StandInDiscord]:
    api = await StandInDiscord().start()
    try:
        yield api
    finally:
        await api.stop()


@pytest.fixture
def patched(standin: StandInDiscord) -> Iterator[StandInDiscord]:
    """discord.py pointed at the stand-in (REST base and gateway URL), restored afterwards."""
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = f"{standin.base}/api/v10"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(standin.gateway)
    try:
        yield standin
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


@asynccontextmanager
async def app_on(
    url: str,
    tmp_path: Path,
    *,
    estimator: MealEstimator | None = None,
    clock: Clock | None = None,
    migrate: bool = False,
) -> AsyncIterator[App]:
    """The wired app on the database ``url`` with the Discord token; closed after. None: the app's own."""
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=url, discord_token=SecretStr(TOKEN))  # type: ignore[call-arg]
    app = await build_app(settings, estimator=estimator, clock=clock, migrate=migrate)
    try:
        yield app
    finally:
        await app.close()


@pytest.fixture
async def wired(
    sqlite_url: str, tmp_path: Path, estimator: RecordingEstimator, clock: Clock | None
) -> AsyncIterator[App]:
    async with app_on(sqlite_url, tmp_path, estimator=estimator, clock=clock) as app:
        yield app


@asynccontextmanager
async def bot_on(app: App, patched: StandInDiscord) -> AsyncIterator[WinStreakBot]:
    """The real client of ``app`` connected to the stand-in gateway, with one server (guild) and its channel."""
    patched.guilds.append({**GUILD, "members": []})
    client = discord_bot(app, guild_ready_timeout=0.05)
    task = asyncio.create_task(client.start(TOKEN))
    try:
        await asyncio.wait_for(client.wait_until_ready(), 10)
        client.standin = patched  # type: ignore[attr-defined]
        yield client
    finally:
        await client.close()
        await asyncio.wait_for(task, 10)


@pytest.fixture
async def bot(wired: App, patched: StandInDiscord) -> AsyncIterator[WinStreakBot]:
    """The real client connected to the stand-in gateway, with one server (guild) and its channel."""
    async with bot_on(wired, patched) as client:
        yield client
