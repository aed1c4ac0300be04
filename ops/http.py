"""The operations HTTP server of a long-running process: ``/healthz``, ``/readyz``, ``/metrics``.

``/healthz`` answers 200 while the event loop runs. ``/readyz`` runs every readiness check (database,
migrations, each chat platform) and answers 200 when all pass, 503 otherwise, with a JSON body naming
each. ``/metrics`` is the Prometheus text format; refreshers run first (e.g. counting the outbox backlog).
In webhook mode the Telegram path is mounted on the same :class:`aiohttp.web.Application` before start.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

log = logging.getLogger(__name__)

Check = Callable[[], Awaitable[str | None]]  # None when fine, else a short reason
Refresher = Callable[[], Awaitable[None]]
CHECK_SECONDS = 5.0


@dataclass
class OpsServer:
    """An aiohttp server on ``host:port`` (port 0 picks a free one; :attr:`port` tells which)."""

    host: str
    port: int
    checks: dict[str, Check] = field(default_factory=dict)
    refreshers: list[Refresher] = field(default_factory=list)
    started: list[Refresher] = field(default_factory=list)  # awaited once the server listens
    drains: list[Refresher] = field(default_factory=list)  # awaited after listening stops, before shutdown hooks
    app: web.Application = field(default_factory=web.Application)
    stopping: bool = False
    _runner: web.AppRunner | None = None

    def __post_init__(self) -> None:
        self.app.router.add_get("/healthz", self._healthz)
        self.app.router.add_get("/readyz", self._readyz)
        self.app.router.add_get("/metrics", self._metrics)

    async def start(self) -> None:
        """Bind and serve; :attr:`port` becomes the bound port."""
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False, shutdown_timeout=5.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        for hook in self.started:
            await hook()
        log.info("http server listening", extra={"host": self.host, "port": self.port})

    async def stop(self) -> None:
        """Stop taking connections, let the requests in flight finish (bounded), run the app's shutdown hooks."""
        self.stopping = True
        if self._runner is None:
            return
        for site in list(self._runner.sites):
            await site.stop()
        for drain in self.drains:
            await drain()
        await self._runner.cleanup()
        self._runner = None

    async def readiness(self) -> dict[str, str]:
        """Each check's result: ``"ok"`` or the reason it is not ready."""

        async def one(check: Check) -> str:
            try:
                return await asyncio.wait_for(check(), CHECK_SECONDS) or "ok"
            except TimeoutError:
                return "timed out"
            except Exception as err:  # a failing check means not ready, never a 500
                return f"{type(err).__name__}"

        names = list(self.checks)
        results = await asyncio.gather(*(one(self.checks[name]) for name in names))
        return dict(zip(names, results, strict=True))

    async def _healthz(self, _request: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def _readyz(self, _request: web.Request) -> web.Response:
        checks = {"process": "stopping"} if self.stopping else await self.readiness()
        ready = all(result == "ok" for result in checks.values())
        return web.json_response({"ready": ready, "checks": checks}, status=200 if ready else 503)

    async def _metrics(self, _request: web.Request) -> web.Response:
        for refresh in self.refreshers:
            try:
                await asyncio.wait_for(refresh(), CHECK_SECONDS)
            except Exception:  # a stale gauge is better than no metrics at all
                log.warning("metrics refresh failed", exc_info=True)
        body = generate_latest(REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
