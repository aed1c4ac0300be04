"""``run_discord`` (what ``winstreak run`` starts): connects, answers, and returns once asked to stop; waits for
Discord when it cannot be reached at start."""

from __future__ import annotations

import asyncio
import logging

import discord
import pytest

from tests.e2e.discord.payloads import BOT
from tests.e2e.discord.person import Person
from tests.e2e.discord.standin import StandInDiscord
from winstreak.bootstrap import App
from winstreak.discord_app import DiscordService, run_discord


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


async def test_discord_unreachable_at_start_is_waited_for_then_the_bot_connects(
    wired: App, patched: StandInDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    reachable = discord.http.Route.BASE
    discord.http.Route.BASE = "http://127.0.0.1:9/api/v10"  # nothing listens: connection refused
    service = DiscordService(wired)
    stop = asyncio.Event()
    with caplog.at_level(logging.WARNING, logger="bots.discord.startup"):
        task = asyncio.create_task(service.run(stop))
        while "cannot be reached" not in caplog.text:  # before: login failed once and run ended with a traceback
            assert not task.done(), task
            await asyncio.sleep(0.05)
    assert service.problem() == "not connected to the Discord gateway yet"  # what /readyz says meanwhile
    discord.http.Route.BASE = reachable  # Discord is back
    await asyncio.wait_for(patched.identified.wait(), 30)
    for _ in range(200):  # discord.py handles READY
        if service.problem() is None:
            break
        await asyncio.sleep(0.05)
    assert service.problem() is None
    calls = await Person(patched).say(f"<@{BOT['id']}> /help")
    assert "/today" in calls[0].text
    stop.set()
    await asyncio.wait_for(task, 10)


async def test_a_stop_while_discord_is_unreachable_ends_run_at_once(wired: App, patched: StandInDiscord) -> None:
    discord.http.Route.BASE = "http://127.0.0.1:9/api/v10"
    stop = asyncio.Event()
    task = asyncio.create_task(run_discord(wired, stop))
    await asyncio.sleep(0.5)
    assert not task.done()
    stop.set()
    await asyncio.wait_for(task, 10)
    assert patched.sockets == []  # never connected
