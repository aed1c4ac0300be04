"""Discord messages, slash commands and button clicks are counted and timed by kind, read from /metrics over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bots.discord.bot import WinStreakBot
from ops.http import OpsServer
from tests.e2e.discord.person import Person
from tests.e2e.discord.test_commands_and_media import JPEG, OGG, VOICE_MESSAGE
from tests.e2e.discord.test_private_chat import onboard
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App
from winstreak.ops_wiring import ops_server

Counts = dict[tuple[str, ...], float]


@pytest.fixture
async def server(wired: App) -> AsyncIterator[OpsServer]:
    ops = ops_server(wired)
    ops.host, ops.port = "127.0.0.1", 0
    await ops.start()
    try:
        yield ops
    finally:
        await ops.stop()


async def scrape(server: OpsServer) -> tuple[Counts, Counts]:
    """Discord's ``winstreak_updates_total`` by (kind, outcome) and its latency sample counts by kind."""
    async with aiohttp.ClientSession() as client, client.get(f"http://127.0.0.1:{server.port}/metrics") as response:
        assert response.status == 200
        text = await response.text()
    updates: Counts = {}
    timed: Counts = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.labels.get("platform") != "discord":
                continue
            if sample.name == "winstreak_updates_total":
                updates[(sample.labels["kind"], sample.labels["outcome"])] = sample.value
            elif sample.name == "winstreak_update_seconds_count":
                timed[(sample.labels["kind"],)] = sample.value
    return updates, timed


def grown(before: Counts, after: Counts) -> Counts:
    return {key: after[key] - before.get(key, 0.0) for key in after if after[key] != before.get(key, 0.0)}


async def scrape_after(server: OpsServer, before: tuple[Counts, Counts], events: int) -> tuple[Counts, Counts]:
    """The growth once ``events`` more were counted (an event is counted just after its reply is sent)."""
    for _ in range(200):
        after = await scrape(server)
        if sum(grown(before[0], after[0]).values()) >= events and sum(grown(before[1], after[1]).values()) >= events:
            break
        await asyncio.sleep(0.05)
    return grown(before[0], after[0]), grown(before[1], after[1])


async def test_each_kind_of_discord_event_is_counted_and_timed(
    bot: WinStreakBot, server: OpsServer, estimator: RecordingEstimator
) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    await onboard(ada)
    before = await scrape(server)

    meal = await ada.say("pizza 800 kcal")
    await ada.press(meal[-1], "Save")
    await ada.say("!today")
    await ada.slash("today")
    await ada.say("lunch", attachments=[api.add_file("meal.jpg", JPEG, "image/jpeg")])
    await ada.say("", attachments=[api.add_file("voice-message.ogg", OGG, "audio/ogg")], flags=VOICE_MESSAGE)
    await ada.say("", attachments=[api.add_file("notes.pdf", b"%PDF-1.4", "application/pdf")])
    estimator.fail_next_text = 1
    await ada.say("quinoa bowl 520 kcal")  # answered with an apology: an error
    await Person(api, user_id=5009, name="Bo", channel_id=800000000000000002, guild_id="800000000000000001").say(
        "!leaderboard"
    )

    updates, timed = await scrape_after(server, before, 9)
    assert updates == {
        ("text", "ok"): 1,
        ("text", "error"): 1,
        ("button", "ok"): 1,
        ("command", "ok"): 3,
        ("photo", "ok"): 1,
        ("voice", "ok"): 1,
        ("other", "ok"): 1,
    }
    assert timed == {
        ("text",): 2, ("button",): 1, ("command",): 3, ("photo",): 1, ("voice",): 1, ("other",): 1
    }  # fmt: skip


async def test_server_chatter_not_addressed_to_the_bot_is_not_counted(bot: WinStreakBot, server: OpsServer) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    bo = Person(api, user_id=5009, name="Bo", channel_id=800000000000000002, guild_id="800000000000000001")
    before = await scrape(server)
    await bo.say("anyone for a run tonight?", expect=0)
    await bo.say("!help")  # addressed: answered and counted (the chatter before it got no answer)
    await bo.say("!help")
    updates, _ = await scrape_after(server, before, 2)
    assert updates == {("command", "ok"): 2}
