"""SIGTERM while updates are in flight: ``winstreak run`` finishes them (each person gets the estimate, each
webhook delivery is acknowledged once with 200), then exits 0 with nothing logged as an error.

The updates wait for a slow AI provider (the OpenAI-compatible stand-in) when the signal comes.
"""

from __future__ import annotations

import asyncio
import json
import signal
from collections import Counter
from pathlib import Path

import pytest

from tests.e2e.faults.traffic import answered, deliver_until_done, people
from tests.e2e.telegram.standin import StandInBotAPI
from tests.e2e.telegram.test_cli_run import env, winstreak
from tests.e2e.telegram.test_run_operations import free_port, wait_http
from tests.openai_standin import Answer, meal_json, serve_openai

PEOPLE = 3
# each estimate waits this long for the provider, and the SIGTERM comes meanwhile (under the 20 s drain). In
# polling mode the test fails without the drain (DRAIN_SECONDS = 0: the session closes under the handlers);
# in webhook mode it passed even then (tried at 7 s): aiohttp's shutdown lets a request's handler finish.
AI_SECONDS = 3.0


@pytest.mark.parametrize("mode", ["webhook", "polling"])
async def test_sigterm_finishes_the_updates_in_flight_then_exits_0(
    standin: StandInBotAPI, tmp_path: Path, mode: str
) -> None:
    port = free_port()
    async with serve_openai() as provider:
        provider.default = Answer(meal_json(("Stew", 300, 420, 20, 30, 15)), delay=AI_SECONDS)
        environment = {
            **env(tmp_path, standin.base),
            "WINSTREAK_HTTP_PORT": str(port),
            "WINSTREAK_RUN_SCHEDULER": "false",
            "WINSTREAK_AI_BASE_URL": provider.base_url,
            "WINSTREAK_AI_API_KEY": "sk-stop-test",
            "WINSTREAK_AI_MAX_RETRIES": "0",
            "WINSTREAK_LOG_LEVEL": "INFO",
        }
        if mode == "webhook":
            environment["WINSTREAK_TELEGRAM_WEBHOOK_URL"] = f"http://127.0.0.1:{port}/telegram/hook"
        process = await winstreak("run", environment=environment)
        deliveries: list[asyncio.Task[list[str]]] = []
        try:
            await wait_http(f"http://127.0.0.1:{port}/readyz", process)
            await standin.wait_sent(1, methods=("setWebhook" if mode == "webhook" else "getUpdates",), within=60)
            crowd = people(standin, PEOPLE, first_id=8700)
            updates = [
                standin.update(message=standin.message(p.chat, p.user, text=f"stew{p.chat_id} for lunch"))
                for p in crowd
            ]
            if mode == "webhook":
                deliveries = [asyncio.create_task(deliver_until_done(standin, u, within=60)) for u in updates]
            else:
                await asyncio.gather(*(standin.push(u) for u in updates))
            while len(provider.requests) < PEOPLE:  # every update waits for the AI now
                if process.returncode is not None:
                    break
                await asyncio.sleep(0.05)
            before_stop = len(answered(standin))
            process.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(process.communicate(), 60)
            outcomes = await asyncio.gather(*deliveries)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    logs = err.decode()
    assert process.returncode == 0, logs[-3000:]
    assert before_stop == 0  # nothing was answered before the signal: the updates were in flight
    stews = Counter(str(call.params["chat_id"]) for call in answered(standin) if "Stew" in call.text)
    assert stews == {p.chat_id: 1 for p in crowd}, [(c.method, c.text[:60]) for c in standin.calls]
    assert all(outcome == ["200"] for outcome in outcomes), outcomes  # acknowledged once, not cut off
    records = [json.loads(line) for line in logs.splitlines() if line.startswith("{")]
    assert not [r for r in records if r.get("level") in ("error", "critical")], logs[-3000:]
    assert "Traceback" not in logs and "Unclosed" not in logs
