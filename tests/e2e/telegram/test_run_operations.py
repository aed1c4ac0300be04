"""``winstreak run`` as an operator sees it: the HTTP endpoints, JSON logs without secrets, a clean SIGTERM."""

from __future__ import annotations

import asyncio
import json
import re
import signal
import socket
from pathlib import Path

import aiohttp

from tests.e2e.telegram.conftest import TOKEN, Chat
from tests.e2e.telegram.standin import StandInBotAPI
from tests.e2e.telegram.test_cli_run import env, winstreak

AI_KEY = "sk-fake-ai-key-0123456789"
WEBHOOK_SECRET = "fake_webhook_secret_42"
WORDS = "zanzibar-porridge"  # the message content that must not reach the logs


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def wait_http(url: str, process: asyncio.subprocess.Process, within: float = 180) -> None:
    deadline = asyncio.get_running_loop().time() + within
    last = ""
    async with aiohttp.ClientSession() as client:
        while process.returncode is None:
            try:
                async with client.get(url) as response:
                    if response.status == 200:
                        return
                    last = await response.text()
            except aiohttp.ClientError as err:
                last = repr(err)
            if asyncio.get_running_loop().time() > deadline:
                break
            await asyncio.sleep(0.2)
    if process.returncode is not None and process.stderr is not None:
        last += "\n" + (await process.stderr.read()).decode()[-3000:]
    raise AssertionError(f"{url} never answered 200 (exit code {process.returncode}); last: {last}")


async def test_webhook_run_serves_health_metrics_and_logs_no_secrets(standin: StandInBotAPI, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {
        **env(tmp_path, standin.base),
        "WINSTREAK_HTTP_PORT": str(port),
        "WINSTREAK_TELEGRAM_WEBHOOK_URL": f"{base}/tg/hook",
        "WINSTREAK_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "WINSTREAK_AI_API_KEY": AI_KEY,
        "WINSTREAK_LOG_LEVEL": "DEBUG",
    }
    process = await winstreak("run", environment=environment)
    try:
        await wait_http(f"{base}/readyz", process)
        await standin.wait_sent(1, methods=("setWebhook",))
        chat = Chat(standin)
        calls = await chat.say(f"{WORDS} 410 kcal")
        assert "410" in calls[0].text, calls[0].text
        await chat.say("/today")
        async with aiohttp.ClientSession() as client:
            async with client.get(f"{base}/healthz") as response:
                assert response.status == 200
            async with client.get(f"{base}/readyz") as response:
                ready = await response.json()
            async with client.get(f"{base}/metrics") as response:
                metrics = await response.text()
        assert ready == {"ready": True, "checks": {"database": "ok", "migrations": "ok", "telegram": "ok"}}
        assert 'winstreak_updates_total{kind="text",outcome="ok",platform="telegram"} 1.0' in metrics
        assert 'winstreak_updates_total{kind="command",outcome="ok",platform="telegram"} 1.0' in metrics
        assert re.search(r'winstreak_estimates_total\{input="text",outcome="ok",source="[a-z]+"\} 1\.0', metrics)
        assert "winstreak_outbox_backlog" in metrics and "winstreak_update_seconds_bucket" in metrics
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 60)
    logs = err.decode()
    assert process.returncode == 0, logs
    for secret in (TOKEN, TOKEN.split(":")[1], AI_KEY, WEBHOOK_SECRET, WORDS):
        assert secret not in logs
    records = [json.loads(line) for line in logs.splitlines() if line.startswith("{")]
    assert records, logs
    assert not [r for r in records if r.get("level") in ("error", "critical")], logs
    assert "Unclosed" not in logs
    handled = [r for r in records if "update_id" in r]
    assert handled and all(r["platform"] == "telegram" for r in handled)
    assert any("user_id" in r for r in handled), [r for r in records if "update" in r["event"].lower()]


async def test_polling_run_stops_cleanly_with_nothing_logged_as_error(standin: StandInBotAPI, tmp_path: Path) -> None:
    port = free_port()
    environment = {**env(tmp_path, standin.base), "WINSTREAK_HTTP_PORT": str(port), "WINSTREAK_LOG_LEVEL": "INFO"}
    process = await winstreak("run", environment=environment)
    try:
        await standin.wait_sent(1, methods=("getUpdates",), within=60)
        await wait_http(f"http://127.0.0.1:{port}/readyz", process)
        calls = await Chat(standin).say("/help")
        assert "/today" in calls[0].text
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 60)
    logs = err.decode()
    assert process.returncode == 0, logs
    assert "Unclosed" not in logs and '"level": "error"' not in logs, logs


async def test_the_scheduler_serves_its_endpoints_and_stops_cleanly(tmp_path: Path) -> None:
    port = free_port()
    environment = {**env(tmp_path, "http://127.0.0.1:9"), "WINSTREAK_HTTP_PORT": str(port)}
    del environment["WINSTREAK_TELEGRAM_TOKEN"]  # no platform: messages wait in the outbox
    process = await winstreak("scheduler", environment=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_http(f"{base}/readyz", process)
        async with aiohttp.ClientSession() as client:
            async with client.get(f"{base}/readyz") as response:
                ready = await response.json()
            async with client.get(f"{base}/metrics") as response:
                metrics = await response.text()
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 60)
    logs = err.decode()
    assert process.returncode == 0, logs
    assert ready == {"ready": True, "checks": {"database": "ok", "migrations": "ok"}}
    assert 'winstreak_job_seconds_count{job="close_days"}' in metrics
    assert '"level": "error"' not in logs and "Unclosed" not in logs, logs
