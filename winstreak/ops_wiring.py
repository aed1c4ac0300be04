"""Part of the composition root: the operations server of a wired app (checks, refreshers) and log set-up.

``/readyz`` checks the database answers, the schema is at the newest migration and each platform added
by its service is connected; ``/metrics`` first counts the outbox backlog by platform.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select, text

from ops.http import Check, OpsServer
from ops.metrics import OUTBOX_BACKLOG
from storage.migrate import pending_heads
from storage.outbox.tables import OutboxRow
from winstreak.bootstrap import App

WAITING = ("pending", "sending")


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
