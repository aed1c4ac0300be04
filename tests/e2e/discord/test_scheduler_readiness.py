"""``winstreak scheduler`` is ready only while each configured platform answers its REST probe (both stand-ins)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import discord.http
import pytest
from pydantic import SecretStr

from ops.http import OpsServer
from tests.e2e.discord.conftest import TOKEN as DISCORD_TOKEN
from tests.e2e.discord.standin import StandInDiscord
from tests.e2e.telegram.conftest import TOKEN as TELEGRAM_TOKEN
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak import ops_wiring
from winstreak.bootstrap import App, build_app
from winstreak.cli_run import SchedulerService
from winstreak.settings import Settings


@pytest.fixture
async def telegram() -> AsyncIterator[list[StandInBotAPI]]:
    """The stand-in Bot API (a list: the test replaces it by one restarted on the same port)."""
    running = [await StandInBotAPI(TELEGRAM_TOKEN).start()]
    try:
        yield running
    finally:
        await running[-1].stop()


@pytest.fixture
def probe_seconds() -> float:
    """How long a probe's answer is kept (a test asking after each change parametrizes it to 0)."""
    return ops_wiring.PROBE_SECONDS


@pytest.fixture
async def wired(sqlite_url: str, tmp_path: Path, telegram: list[StandInBotAPI]) -> AsyncIterator[App]:
    """WinStreak with both platforms configured: Telegram at the stand-in, Discord where discord.py is patched."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=tmp_path,
        database_url=sqlite_url,
        telegram_token=SecretStr(TELEGRAM_TOKEN),
        telegram_api_base=telegram[0].base,
        discord_token=SecretStr(DISCORD_TOKEN),
    )
    app = await build_app(settings, migrate=False)
    try:
        yield app
    finally:
        await app.close()


@pytest.fixture
async def scheduler_server(
    wired: App, patched: StandInDiscord, probe_seconds: float, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[OpsServer]:
    """The HTTP server of ``winstreak scheduler``, its checks mounted as ``run_services`` does."""
    monkeypatch.setattr(ops_wiring, "PROBE_SECONDS", probe_seconds)
    server = ops_wiring.ops_server(wired)
    server.host, server.port = "127.0.0.1", 0
    SchedulerService(wired).mount(server)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def readyz(server: OpsServer) -> tuple[int, dict[str, Any]]:
    async with aiohttp.ClientSession() as client, client.get(f"http://127.0.0.1:{server.port}/readyz") as response:
        return response.status, (await response.json())["checks"]


def port_of(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


@pytest.mark.parametrize("probe_seconds", [0.0])  # every /readyz asks again
async def test_readyz_follows_each_platform_going_down_and_coming_back(
    scheduler_server: OpsServer, telegram: list[StandInBotAPI], patched: StandInDiscord
) -> None:
    every = {"database": "ok", "migrations": "ok", "telegram": "ok", "discord": "ok"}
    assert await readyz(scheduler_server) == (200, every)
    assert [call.method for call in telegram[0].calls] == ["getMe"]

    await telegram[0].stop()
    assert await readyz(scheduler_server) == (503, {**every, "telegram": "the Bot API cannot be reached"})
    telegram.append(await StandInBotAPI(TELEGRAM_TOKEN).start(port_of(telegram[0].base)))
    assert await readyz(scheduler_server) == (200, every)

    await patched.stop()
    assert await readyz(scheduler_server) == (503, {**every, "discord": "Discord's REST API cannot be reached"})
    again = await StandInDiscord().start(port_of(patched.base))
    try:
        assert discord.http.Route.BASE.startswith(again.base)
        assert await readyz(scheduler_server) == (200, every)
        again.fail("users/@me", 401, {"message": "401: Unauthorized", "code": 0})
        assert await readyz(scheduler_server) == (503, {**every, "discord": "Discord refused the token"})
        assert [c.path for c in again.calls if c.path.endswith("/users/@me")]  # asked with the token
    finally:
        await again.stop()


@pytest.mark.parametrize("probe_seconds", [600.0])  # longer than any busy machine takes for four polls
async def test_the_answer_is_kept_between_polls(scheduler_server: OpsServer, telegram: list[StandInBotAPI]) -> None:
    for _ in range(4):
        assert (await readyz(scheduler_server))[0] == 200
    assert [call.method for call in telegram[0].calls] == ["getMe"]  # one probe while its answer is fresh


async def test_a_running_bot_keeps_its_own_check(wired: App) -> None:
    async def gateway() -> str | None:
        return "not connected to the Discord gateway yet"

    server = OpsServer("127.0.0.1", 0, checks={"discord": gateway})  # as DiscordService.mount in `winstreak run`
    SchedulerService(wired).mount(server)
    assert server.checks["discord"] is gateway and set(server.checks) == {"discord", "telegram"}
