"""Part of the composition root: the operations server of a wired app (checks, refreshers) and log set-up.

``/readyz`` checks the database answers, the schema is at the newest migration and each platform added
by its service is connected; ``/metrics`` first counts the outbox backlog by platform. A process that only
sends (``winstreak scheduler``) checks each configured platform by a cheap REST probe, at most once every
:data:`PROBE_SECONDS`: the Bot API's ``getMe``, Discord's ``GET /users/@me``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from sqlalchemy import func, select, text

from ops.http import Check, OpsServer
from ops.metrics import OUTBOX_BACKLOG
from ops.probe import CachedProbe, Probe
from storage.migrate import pending_heads
from storage.outbox.tables import OutboxRow
from winstreak.bootstrap import App

WAITING = ("pending", "sending")
PROBE_SECONDS = 5.0  # a platform probe's answer is reused this long
PROBE_TIMEOUT = 4.0  # below the server's 5 s per check


def ops_server(app: App) -> OpsServer:
    """The HTTP server on ``WINSTREAK_HTTP_HOST:PORT`` with the database and migration checks."""
    server = OpsServer(app.settings.http_host, app.settings.http_port)

    async def database() -> str | None:
        async with app.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return None

    async def migrations() -> str | None:
        missing = await pending_heads(app.engine)
        return f"not at head (missing {', '.join(sorted(missing))})" if missing else None

    async def backlog() -> None:
        query = select(OutboxRow.platform, func.count()).where(OutboxRow.status.in_(WAITING))
        async with app.engine.connect() as connection:
            rows = (await connection.execute(query.group_by(OutboxRow.platform))).all()
        counts = {str(platform): int(count) for platform, count in rows}
        for platform in {*counts, *app.settings.delivery_platforms}:
            OUTBOX_BACKLOG.labels(platform).set(counts.get(platform, 0))

    server.checks["database"] = database
    server.checks["migrations"] = migrations
    server.refreshers.append(backlog)
    return server


def platform_check(problem: Callable[[], str | None]) -> Check:
    """A readiness check from a function telling what is wrong with a platform (None: connected)."""

    async def check() -> str | None:
        return problem()

    return check


def add_platform_probes(app: App, server: OpsServer) -> None:
    """A probe check for each configured platform that no running bot checks already (the scheduler's case)."""
    if app.settings.telegram_token is not None and "telegram" not in server.checks:
        server.checks["telegram"] = CachedProbe(telegram_probe(app, server), PROBE_SECONDS)
    if app.settings.discord_token is not None and "discord" not in server.checks:
        server.checks["discord"] = CachedProbe(discord_probe(app, server), PROBE_SECONDS)


def telegram_probe(app: App, server: OpsServer) -> Probe:
    """``getMe`` through a Bot of the configured token and API base (closed with the server)."""
    from aiogram.exceptions import TelegramAPIError

    from bots.telegram.app import create_bot
    from bots.telegram.limits import Limits
    from bots.telegram.probe import ConnectionProbe

    token = app.settings.telegram_token
    assert token is not None
    probe = ConnectionProbe()
    bot = create_bot(
        token.get_secret_value(), api_base=app.settings.telegram_api_base, limits=Limits(max_retries=0), probe=probe
    )

    async def close(_app: object) -> None:
        await bot.session.close()

    server.app.on_cleanup.append(close)

    async def check() -> str | None:
        # refused, unreachable or an error answer: the connection probe tells which
        with contextlib.suppress(TelegramAPIError):
            await bot.get_me(request_timeout=int(PROBE_TIMEOUT))
        return probe.problem

    return check


def discord_probe(app: App, server: OpsServer) -> Probe:
    """``GET /users/@me`` on Discord's REST API (where discord.py sends) with the configured token."""
    import aiohttp
    import discord.http

    token = app.settings.discord_token
    assert token is not None
    headers = {"Authorization": f"Bot {token.get_secret_value().strip()}"}
    sessions: list[aiohttp.ClientSession] = []

    async def close(_app: object) -> None:
        for session in sessions:
            await session.close()

    server.app.on_cleanup.append(close)

    async def check() -> str | None:
        if not sessions:
            sessions.append(aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=PROBE_TIMEOUT)))
        try:
            async with sessions[0].get(f"{discord.http.Route.BASE}/users/@me", headers=headers) as response:
                status = response.status
        except (aiohttp.ClientError, TimeoutError):
            return "Discord's REST API cannot be reached"
        if status in (401, 403):
            return "Discord refused the token"
        return None if status < 300 else f"Discord's REST API answered HTTP {status}"

    return check
