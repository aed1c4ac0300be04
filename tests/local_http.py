"""Serving an aiohttp application on 127.0.0.1 for a test (a port the system chooses), shared by stand-ins."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web


@asynccontextmanager
async def serve_local(app: web.Application) -> AsyncIterator[str]:
    """Run ``app`` until the block ends; yields its base URL, ``http://127.0.0.1:<port>``."""
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()
