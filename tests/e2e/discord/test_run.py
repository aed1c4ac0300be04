"""``run_discord`` (what ``winstreak run`` starts): connects, answers, and returns once asked to stop."""

from __future__ import annotations

import asyncio

import discord
import pytest

from tests.e2e.discord.payloads import BOT
from tests.e2e.discord.person import Person
from tests.e2e.discord.standin import StandInDiscord
from winstreak.bootstrap import App
from winstreak.discord_app import run_discord


async def test_run_discord_answers_a_dm_and_stops_cleanly(wired: App, patched: StandInDiscord) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(run_discord(wired, stop))
    await asyncio.wait_for(patched.identified.wait(), 10)
    await asyncio.sleep(0.2)  # let discord.py finish handling READY
    calls = await Person(patched).say(f"<@{BOT['id']}> /help")
    assert "/today" in calls[0].text
    stop.set()
    await asyncio.wait_for(task, 10)
    assert patched.sockets[-1].closed


async def test_a_refused_token_ends_run_discord_with_login_failure(wired: App, patched: StandInDiscord) -> None:
    patched.fail(r"/users/@me$", 401, {"message": "401: Unauthorized", "code": 0})
    with pytest.raises(discord.LoginFailure):
        await asyncio.wait_for(run_discord(wired, asyncio.Event()), 10)


async def test_a_missing_message_content_intent_ends_run_discord_clearly(wired: App, patched: StandInDiscord) -> None:
    patched.refuse_identify = 4014
    with pytest.raises(discord.PrivilegedIntentsRequired):
        await asyncio.wait_for(run_discord(wired, asyncio.Event()), 10)
