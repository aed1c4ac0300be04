"""Fixtures: the stand-in Discord (REST + gateway) patched into discord.py, a wired WinStreak on SQLite, the bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import discord.gateway
import discord.http
import pytest
import yarl
from pydantic import SecretStr

from ai.manual_kcal import StatedKcalEstimator
from bots.discord.bot import WinStreakBot
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


@pytest.fixture
def estimator() -> RecordingEstimator:
    return RecordingEstimator(StatedKcalEstimator())


@pytest.fixture
async def wired(sqlite_url: str, tmp_path: Path, estimator: RecordingEstimator) -> AsyncIterator[App]:
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=sqlite_url, discord_token=SecretStr(TOKEN))  # type: ignore[call-arg]
    app = await build_app(settings, estimator=estimator, migrate=False)
    try:
        yield app
    finally:
        await app.close()


@pytest.fixture
async def bot(wired: App, patched: StandInDiscord) -> AsyncIterator[WinStreakBot]:
    """The real client connected to the stand-in gateway, with one server (guild) and its channel."""
    patched.guilds.append({**GUILD, "members": []})
    client = discord_bot(wired, guild_ready_timeout=0.05)
    task = asyncio.create_task(client.start(TOKEN))
    try:
        await asyncio.wait_for(client.wait_until_ready(), 10)
        client.standin = patched  # type: ignore[attr-defined]
        yield client
    finally:
        await client.close()
        await asyncio.wait_for(task, 10)
