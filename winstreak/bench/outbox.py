"""The outbox benchmark: N messages through the real aiogram client to a rate-limited stand-in Bot API.

The rate achieved is measured against the limit the stand-in enforces.

The stand-in counts every sendMessage in a sliding one-second window; a call over the limit gets a 429
with ``retry_after``, exactly as Telegram answers, so a sender that overshoots is caught.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from bots.common.messages import Reply
from bots.common.notifications import render_notification
from bots.telegram.app import create_bot
from bots.telegram.limits import Limits
from bots.telegram.outbox_transport import TelegramTransport
from core.model.outbox import NewMessage, OutboxMessage
from core.rules.game_rules import GameRules
from scheduler.jobs import SchedulerJobs
from storage.engine import make_engine
from storage.migrate import upgrade
from storage.outbox.content import SqlNotificationContent
from storage.outbox.lease import LocalDrainLeases
from storage.outbox.repository import SqlOutbox
from winstreak.bootstrap import sql_scheduler_jobs

TOKEN = "123456:BENCH-standin"


@dataclass
class RateLimitedBotAPI:
    """sendMessage only; 429 once more than ``limit`` calls fall in the last second."""

    limit: float
    window: deque[float] = field(default_factory=deque)
    texts: Counter[str] = field(default_factory=Counter)
    rejected: int = 0
    base: str = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Serve on 127.0.0.1, a free port."""
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._api)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server: Any = site._server  # aiohttp exposes the bound port only here
        self.base = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"

    async def stop(self) -> None:
        """Shut the server down."""
        if self._runner is not None:
            await self._runner.cleanup()

    async def _api(self, request: web.Request) -> web.Response:
        params = dict(await request.post())
        if request.match_info["method"] != "sendMessage":
            return web.json_response({"ok": True, "result": True})
        now = time.monotonic()
        while self.window and now - self.window[0] >= 1.0:
            self.window.popleft()
        if len(self.window) >= self.limit:
            self.rejected += 1
            body = {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 1",
                "parameters": {"retry_after": 1},
            }
            return web.json_response(body, status=429)
        self.window.append(now)
        self.texts[str(params.get("text"))] += 1
        chat = {"id": int(str(params["chat_id"])), "type": "private"}
        result = {
            "message_id": sum(self.texts.values()),
            "date": int(time.time()),
            "chat": chat,
            "text": params["text"],
        }
        return web.json_response({"ok": True, "result": result})


async def run_outbox_bench(
    messages: int, limit: float, db_url: str | None, senders: int = 1, leases: bool = True
) -> dict[str, Any]:
    """Enqueue ``messages`` broadcasts, drain them at ``limit`` per second, return the figures.

    ``senders`` drainers run at once, each with its own engine and its own limiter at the full limit, as
    separate scheduler processes would; with ``leases`` off each is alone in its lease (the old behaviour).
    """
    with tempfile.TemporaryDirectory() as folder:
        url = db_url or f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        engines = [make_engine(url) for _ in range(senders)]
        api = RateLimitedBotAPI(limit)
        await api.start()
        bots = [
            create_bot(TOKEN, api_base=api.base, limits=Limits(overall_per_second=limit, max_retries=0))
            for _ in range(senders)
        ]
        try:
            await upgrade(engines[0])
            content, rules = SqlNotificationContent(engines[0]), GameRules()

            async def render(message: OutboxMessage) -> list[Reply]:
                return await render_notification(message, content, rules)

            drainers = [
                sql_scheduler_jobs(
                    engine,
                    _Clock(),
                    rules,
                    {"telegram": TelegramTransport(bot, render)},
                    f"bench-{n}",
                    leases=None if leases else LocalDrainLeases(),
                )
                for n, (engine, bot) in enumerate(zip(engines, bots, strict=True))
            ]
            await drainers[0].outbox.enqueue(_messages(messages))
            started = time.perf_counter()
            await asyncio.gather(
                *(_drain_all(jobs, SqlOutbox(engine)) for jobs, engine in zip(drainers, engines, strict=True))
            )
            elapsed = time.perf_counter() - started
        finally:
            for bot in bots:
                await bot.session.close()
            await api.stop()
            for engine in engines:
                await engine.dispose()
    sent = len(api.texts)
    rate = sent / elapsed if elapsed else 0.0
    return {
        "db": url.split(":", 1)[0],
        "senders": senders,
        "leases": leases,
        "sent": sent,
        "duplicates": sum(api.texts.values()) - sent,
        "http_429": api.rejected,
        "seconds": round(elapsed, 2),
        "rate_per_s": round(rate, 2),
        "limit_per_s": limit,
        "fraction_of_limit": round(rate / limit, 3),
    }


def _messages(count: int) -> list[NewMessage]:
    now, run = datetime.now(UTC), f"{time.time_ns()}"
    return [
        NewMessage(
            f"bench:{run}:{n}", "broadcast", "telegram", str(1_000_000 + n), "en", now, {"text": f"bench {run} {n}"}
        )
        for n in range(count)
    ]


async def _drain_all(jobs: SchedulerJobs, outbox: SqlOutbox) -> None:
    """Drain until the outbox is empty (messages put back after a 429 are due again later)."""
    while await outbox.backlog():
        if not await jobs.drain(max_batches=10**9):
            await asyncio.sleep(0.2)


class _Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)
