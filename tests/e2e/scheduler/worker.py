"""A scheduler process for the tests: steps a simulated clock through a time range, running the real jobs.

``python -m tests.e2e.scheduler.worker DB_URL API_BASE START END STEP_MINUTES NAME [LEASE_SECONDS] [RATE]``
Each tick closes days, enqueues what is due and drains the outbox to the stand-in Bot API through the real
aiogram client. With START == END it only drains (at RATE messages a second), for the kill tests.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime

from bots.common.messages import Reply
from bots.common.notifications import render_notification
from bots.telegram.app import create_bot
from bots.telegram.limits import Limits
from bots.telegram.outbox_transport import TelegramTransport
from core.model.outbox import OutboxMessage
from core.outbox_ports import Transport
from core.ports import Clock
from core.rules.game_rules import GameRules
from scheduler.jobs import SchedulerJobs
from storage.engine import make_engine
from storage.outbox.content import SqlNotificationContent
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import SystemClock

TOKEN = "123456:TEST-standin-secret"


async def main(argv: list[str]) -> None:
    url, api, start, end, step, name = argv[:6]
    lease = float(argv[6]) if len(argv) > 6 else 120.0
    rate = float(argv[7]) if len(argv) > 7 else 1000.0
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
    jobs = SchedulerJobs(engine, jobs_clock, rules, transports, name, lease, batch=20)
    try:
        stop = datetime.fromisoformat(end)
        while True:
            if clock.now() < stop:
                await jobs.tick()
            await jobs.drain()
            if clock.now() >= stop:
                break
            clock.advance(minutes=float(step))
        print("done", flush=True)
    finally:
        await bot.session.close()
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
