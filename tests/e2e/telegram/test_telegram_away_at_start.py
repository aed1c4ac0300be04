"""``winstreak run`` started while the Bot API cannot be reached or fails: it comes up, says so, and recovers;
a token the Bot API refuses ends it with one line and nothing left open.

Before, the start-up calls (getMe before polling, setMyCommands, setWebhook) ended the process with a
traceback and exit code 1 when Telegram could not be reached at that moment, and a refused token in webhook
mode left the bot's HTTP session open ("Unclosed connector" logged as an error).
"""

from __future__ import annotations

import asyncio
import json
import signal
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI
from tests.e2e.telegram.test_cli_run import env, winstreak
from tests.e2e.telegram.test_run_operations import free_port

UNREACHABLE = "http://127.0.0.1:9"  # nothing listens there: connection refused


async def readiness(base: str, process: asyncio.subprocess.Process, within: float = 180) -> dict[str, object]:
    """The first /readyz answer (any status) once the server listens."""
    deadline = asyncio.get_running_loop().time() + within
    async with aiohttp.ClientSession() as client:
        while process.returncode is None and asyncio.get_running_loop().time() < deadline:
            try:
                async with client.get(f"{base}/readyz") as response:
                    body: dict[str, object] = await response.json()
                    return {"status": response.status, **body}
            except aiohttp.ClientError:
                await asyncio.sleep(0.2)
    stderr = (await process.stderr.read()).decode()[-3000:] if process.stderr and process.returncode is not None else ""
    raise AssertionError(f"/readyz never answered (exit code {process.returncode}): {stderr}")


async def stop(process: asyncio.subprocess.Process) -> str:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    _, err = await asyncio.wait_for(process.communicate(), 60)
    return err.decode()


def menu_set(api: StandInBotAPI) -> bool:
    return any(call.result is not None for call in api.sent(("setMyCommands",)))


def errors_in(logs: str) -> list[str]:
    lines = [line for line in logs.splitlines() if line.startswith("{")]
    return [line for line in lines if json.loads(line).get("level") in ("error", "critical")]


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_run_comes_up_not_ready_while_the_bot_api_cannot_be_reached(tmp_path: Path, mode: str) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {**env(tmp_path, UNREACHABLE), "WINSTREAK_HTTP_PORT": str(port), "WINSTREAK_LOG_LEVEL": "INFO"}
    if mode == "webhook":
        environment["WINSTREAK_TELEGRAM_WEBHOOK_URL"] = f"{base}/tg/hook"
    process = await winstreak("run", environment=environment)
    try:
        ready = await readiness(base, process)
        await asyncio.sleep(2)  # a retry or two while Telegram stays away: still up
        ready_later = await readiness(base, process)
        async with aiohttp.ClientSession() as client, client.get(f"{base}/healthz") as response:
            alive = response.status
    finally:
        logs = await stop(process)
    assert process.returncode == 0, logs
    assert alive == 200
    for answer in (ready, ready_later):
        assert answer["status"] == 503 and answer["ready"] is False, answer
    assert ready_later["checks"] == {
        "database": "ok",
        "migrations": "ok",
        "telegram": "the Bot API cannot be reached",
    }
    assert "Traceback" not in logs and not errors_in(logs), logs
    assert "the Bot API cannot be reached" in logs or "not done" in logs  # the operator is told in the log


async def test_polling_starts_once_the_bot_api_answers_and_sets_the_menu_later(
    standin: StandInBotAPI, tmp_path: Path
) -> None:
    standin.fail("getMe", 502, "Bad Gateway", times=5)  # more than one call's own retries (3)
    standin.fail("setMyCommands", 502, "Bad Gateway", times=5)
    port = free_port()
    environment = {**env(tmp_path, standin.base), "WINSTREAK_HTTP_PORT": str(port), "WINSTREAK_LOG_LEVEL": "INFO"}
    process = await winstreak("run", environment=environment)
    try:
        await standin.wait_sent(1, methods=("getUpdates",), within=120)
        calls = await Chat(standin).say("/help")
        assert "/today" in calls[0].text
        for _ in range(600):  # the menu, tried again in the background, once the stand-in stops failing
            if menu_set(standin):
                break
            await asyncio.sleep(0.1)
        ready = await readiness(f"http://127.0.0.1:{port}", process)
    except AssertionError as err:
        raise AssertionError(f"{err}\n{(await stop(process))[-4000:]}") from None
    finally:
        logs = await stop(process)
    assert process.returncode == 0, logs
    assert menu_set(standin), [c.method for c in standin.calls]
    assert ready["status"] == 200, ready
    assert "Traceback" not in logs and not errors_in(logs), logs


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_a_refused_token_ends_run_with_one_line_and_nothing_left_open(
    standin: StandInBotAPI, tmp_path: Path, mode: str
) -> None:
    environment = {**env(tmp_path, standin.base, token="999:not-the-stand-ins-token"), "WINSTREAK_HTTP_PORT": "0"}
    if mode == "webhook":
        environment["WINSTREAK_TELEGRAM_WEBHOOK_URL"] = "https://bot.example.org/tg/hook"
    process = await winstreak("run", environment=environment)
    _, err = await asyncio.wait_for(process.communicate(), 180)
    logs = err.decode()
    assert process.returncode == 2, logs
    assert "winstreak: Bad setting WINSTREAK_TELEGRAM_TOKEN: Telegram refused the token" in logs
    assert "Traceback" not in logs and "Unclosed" not in logs and not errors_in(logs), logs
