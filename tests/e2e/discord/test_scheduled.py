"""Scheduled messages reach Discord: the wired scheduler jobs enqueue a reminder, the Discord transport DMs it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from bots.common.notifications import reminder_text
from bots.discord.bot import WinStreakBot
from bots.discord.outbox_transport import DiscordTransport
from ops.metered import MeteredTransport
from tests.e2e.discord.person import Person
from tests.e2e.discord.test_private_chat import onboard
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import App
from winstreak.scheduler_wiring import scheduler_jobs


async def test_evening_reminder_is_delivered_once_as_a_dm(bot: WinStreakBot, wired: App) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    await onboard(Person(api))  # a Discord user in UTC who logs nothing today
    evening = datetime.now(UTC).replace(hour=20, minute=5, second=0, microsecond=0)
    jobs = dataclasses.replace(scheduler_jobs(wired, worker="test-worker"), clock=FixedClock(evening))
    transport = jobs.transports["discord"]  # chosen by the wiring because WINSTREAK_DISCORD_TOKEN is set
    assert isinstance(transport, MeteredTransport) and jobs.platforms == ["discord"]  # deliveries are counted
    inner = transport.inner
    assert isinstance(inner, DiscordTransport)
    try:
        before = len(api.sent())
        assert await jobs.enqueue_due() >= 1
        outcomes = await jobs.drain()
        await jobs.enqueue_due()
        again = await jobs.drain()
    finally:
        await inner.close()
    assert outcomes["sent"] >= 1 and sum(again.values()) == 0
    opened = api.requests(r"POST /api/v10/users/@me/channels")
    assert [str(c.payload["recipient_id"]) for c in opened] == ["5001"]
    reminders = [c for c in api.sent()[before:] if c.text == reminder_text("en")]
    assert len(reminders) == 1 and reminders[0].path == f"/api/v10/channels/{opened[0].result['id']}/messages"
