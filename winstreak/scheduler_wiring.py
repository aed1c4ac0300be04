"""Wiring the scheduler: which platforms get scheduled messages, how they are rendered, the jobs object.

Part of the composition root; ``winstreak scheduler`` and ``winstreak run`` use it.
"""

from __future__ import annotations

import os
import socket
from datetime import date

from bots.common.messages import Reply
from bots.common.notifications import render_notification
from bots.common.weekly_summary import weekly_summary
from bots.telegram.limits import Limits
from bots.telegram.outbox_transport import TelegramTransport
from core.model.outbox import OutboxMessage
from core.ports import Transport
from core.rules.game_rules import GameRules
from ops.metered import MeteredTransport
from scheduler.jobs import SchedulerJobs
from storage.outbox.content import SqlNotificationContent
from winstreak.bootstrap import App, game_rules, sql_scheduler_jobs
from winstreak.discord_app import discord_transport
from winstreak.telegram_app import telegram_bot


def worker_name() -> str:
    """A name for this process in outbox claims: host and pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


def scheduler_jobs(app: App, rules: GameRules | None = None, worker: str | None = None) -> SchedulerJobs:
    """The jobs, with a transport for every configured platform (none: messages wait in the outbox).

    Each platform is sent for by one process at a time (its drain lease), so its rate limit holds across
    every scheduler process on the database.
    """
    rules = rules or game_rules(app.settings)
    content = SqlNotificationContent(app.engine)

    async def render(message: OutboxMessage) -> list[Reply]:
        if message.kind == "weekly_summary" and message.user_id is not None:
            week = date.fromisoformat(str(message.payload["week_start"]))
            return await weekly_summary(app.uow(), app.deps.clock, message.user_id, week, rules=rules)
        return await render_notification(message, content, rules)

    transports: dict[str, Transport] = {}
    if app.settings.telegram_token is not None:
        # 429s go back to the outbox (which retries later) instead of waiting inside a leased delivery.
        bot = telegram_bot(app, limits=Limits(max_retries=0))
        transports["telegram"] = TelegramTransport(bot, render)
    if app.settings.discord_token is not None:
        transports["discord"] = discord_transport(app, render)
    metered: dict[str, Transport] = {name: MeteredTransport(t, name) for name, t in transports.items()}
    return sql_scheduler_jobs(app.engine, app.deps.clock, rules, metered, worker or worker_name())
