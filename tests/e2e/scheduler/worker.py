"""A scheduler process for the tests: steps a simulated clock through a time range, running the real jobs.

``python -m tests.e2e.scheduler.worker DB_URL API_BASE START END STEP_MINUTES NAME [LEASE_SECONDS] [RATE] [DISCORD]``
Each tick closes days, enqueues what is due and drains the outbox to the stand-in Bot API through the real
aiogram client — and, given the stand-in Discord's REST root, to it through the real discord.py client.
With START == END it only drains (at RATE messages a second), for the kill tests.
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import datetime

import discord.http

from bots.common.messages import Reply
from bots.common.notifications import render_notification
from bots.discord.outbox_transport import DiscordTransport
from bots.telegram.app import create_bot
from bots.telegram.limits import Limits
from bots.telegram.outbox_transport import TelegramTransport
from core.model.outbox import OutboxMessage
from core.ports import Clock, Transport
from core.rules.game_rules import GameRules
from ops.clock import SystemClock
from scheduler.jobs import SchedulerJobs
from storage.engine import make_engine
from storage.outbox.content import SqlNotificationContent
from storage.outbox.repository import SqlOutbox
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import sql_scheduler_jobs

TOKEN = "123456:TEST-standin-secret"
DISCORD_TOKEN = "standin.discord.token"


async def drain_the_rest(jobs: SchedulerJobs, outbox: SqlOutbox, patience: float = 120.0) -> int:
    """Drain until the outbox is empty; while another process holds a platform's lease, wait for it."""
    sent, deadline = 0, time.monotonic() + patience
    while await outbox.backlog() and time.monotonic() < deadline:
        sent += (await jobs.drain())["sent"]
        await asyncio.sleep(0.05)
    return sent


async def main(argv: list[str]) -> None:
    url, api, start, end, step, name = argv[:6]
    lease = float(argv[6]) if len(argv) > 6 else 120.0
    rate = float(argv[7]) if len(argv) > 7 else 1000.0
    discord_base = argv[8] if len(argv) > 8 else None
    engine = make_engine(url)
    rules = GameRules()
    content = SqlNotificationContent(engine)

    async def render(message: OutboxMessage) -> list[Reply]:
        return await render_notification(message, content, rules)

    limits = Limits(overall_per_second=rate, per_chat_per_second=100, chat_burst=50, per_group_per_minute=6000)
    bot = create_bot(TOKEN, api_base=api, limits=limits)
    clock = FixedClock(datetime.fromisoformat(start))
    drain_only = start == end
    # Draining alone runs on real time, so the leases of a killed worker really run out.
    jobs_clock: Clock = SystemClock() if drain_only else clock
    transports: dict[str, Transport] = {"telegram": TelegramTransport(bot, render)}
    discord_transport: DiscordTransport | None = None
    if discord_base is not None:
        discord.http.Route.BASE = f"{discord_base}/api/v10"
        discord_transport = transports["discord"] = DiscordTransport(DISCORD_TOKEN, render)
    jobs = sql_scheduler_jobs(engine, jobs_clock, rules, transports, name, lease, batch=20)
    try:
        stop, enqueued, sent = datetime.fromisoformat(end), 0, 0
        while clock.now() < stop:
            enqueued += await jobs.tick()
            sent += (await jobs.drain())["sent"]
            clock.advance(minutes=float(step))
        sent += await drain_the_rest(jobs, SqlOutbox(engine))
        print(f"done enqueued={enqueued} sent={sent}", flush=True)
    finally:
        await bot.session.close()
        if discord_transport is not None:
            await discord_transport.close()
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
