"""``run_discord`` (what ``winstreak run`` starts): connects, answers, and returns once asked to stop."""

from __future__ import annotations

import asyncio

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
