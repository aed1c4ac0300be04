"""Scheduled messages reach Discord: the real scheduler jobs enqueue a reminder, the Discord transport DMs it."""

from __future__ import annotations

from datetime import UTC, datetime

from bots.common.messages import Reply
from bots.common.notifications import reminder_text, render_notification
from bots.discord.bot import WinStreakBot
from core.model.outbox import OutboxMessage
from core.rules.game_rules import GameRules
from scheduler.jobs import SchedulerJobs
from storage.outbox.content import SqlNotificationContent
from tests.e2e.discord.person import Person
from tests.e2e.discord.test_private_chat import onboard
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import App
from winstreak.discord_app import discord_transport


async def test_evening_reminder_is_delivered_once_as_a_dm(bot: WinStreakBot, wired: App) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    await onboard(Person(api))  # a Discord user in UTC who logs nothing today
    rules, content = GameRules(), SqlNotificationContent(wired.engine)

    async def render(message: OutboxMessage) -> list[Reply]:
        return await render_notification(message, content, rules)

    evening = datetime.now(UTC).replace(hour=20, minute=5, second=0, microsecond=0)
    transport = discord_transport(wired, render)
    jobs = SchedulerJobs(wired.engine, FixedClock(evening), rules, {"discord": transport}, "test-worker")
    try:
        before = len(api.sent())
        assert await jobs.enqueue_due() >= 1
        outcomes = await jobs.drain()
        await jobs.enqueue_due()
        again = await jobs.drain()
    finally:
        await transport.close()
    assert outcomes["sent"] >= 1 and sum(again.values()) == 0
    opened = api.requests(r"POST /api/v10/users/@me/channels")
    assert [str(c.payload["recipient_id"]) for c in opened] == ["5001"]
    reminders = [c for c in api.sent()[before:] if c.text == reminder_text("en")]
    assert len(reminders) == 1 and reminders[0].path == f"/api/v10/channels/{opened[0].result['id']}/messages"
