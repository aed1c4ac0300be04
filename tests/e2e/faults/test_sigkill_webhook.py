"""SIGKILL of ``winstreak run`` (webhook mode, PostgreSQL) while it handles meals: the deliveries in flight fail,
the stand-in redelivers them to the restarted process, and each update is handled once (one answer per person,
one processed_updates row per update).

The killed process's claims in processed_updates stay until their lease (UPDATE_LEASE) runs out, since nobody
renews them; until then a redelivery is answered 503 (so Telegram retries it), after that it is taken over and
processed. Before this was fixed the redelivery was skipped as a duplicate and acknowledged 200: lost.
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from pathlib import Path

import asyncpg
import pytest

from tests.e2e.faults.traffic import answered, deliver_until_done, people
from tests.e2e.telegram.standin import StandInBotAPI
from tests.e2e.telegram.test_cli_run import env, winstreak
from tests.e2e.telegram.test_run_operations import free_port, wait_http
from tests.openai_standin import Answer, meal_json, serve_openai

pytestmark = pytest.mark.postgres
PEOPLE = 5


async def test_sigkill_mid_update_is_redelivered_and_done_once(
    standin: StandInBotAPI, pg_url: str, tmp_path: Path
) -> None:
    port = free_port()
    async with serve_openai() as provider:
        provider.default = Answer(meal_json(("Stew", 300, 420, 20, 30, 15)), delay=2.0)  # slow: updates in flight
        environment = {
            **env(tmp_path, standin.base),
            "WINSTREAK_DATABASE_URL": pg_url,
            "WINSTREAK_HTTP_PORT": str(port),
            "WINSTREAK_TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram/hook",
            "WINSTREAK_RUN_SCHEDULER": "false",
            "WINSTREAK_AI_BASE_URL": provider.base_url,
            "WINSTREAK_AI_API_KEY": "sk-kill-test",
            "WINSTREAK_AI_MAX_RETRIES": "0",
        }
        process = await winstreak("run", environment=environment)
        try:
            await wait_http(f"http://127.0.0.1:{port}/readyz", process)
            await standin.wait_sent(1, methods=("setWebhook",), within=60)
            crowd = people(standin, PEOPLE, first_id=8600)
            updates = [
                standin.update(message=standin.message(p.chat, p.user, text=f"stew{p.chat_id} for lunch"))
                for p in crowd
            ]
            deliveries = [asyncio.create_task(deliver_until_done(standin, u)) for u in updates]
            while len(provider.requests) < PEOPLE:  # noqa: ASYNC110  # every update is inside its handler, waiting for the AI
                await asyncio.sleep(0.05)
            process.send_signal(signal.SIGKILL)
            await process.wait()
            killed_answers = len(answered(standin))
            process = await winstreak("run", environment=environment)
            await wait_http(f"http://127.0.0.1:{port}/readyz", process)
            outcomes = await asyncio.gather(*deliveries)
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.communicate(), 60)
    assert killed_answers == 0  # nothing was answered before the kill
    assert all(o[-1] == "200" and len(o) > 1 for o in outcomes), outcomes  # each delivery failed, then redelivered
    print("deliveries:", [Counter(o) for o in outcomes])  # shown with -s: refused with 503 while the dead claim held
    counts = Counter(str(c.params["chat_id"]) for c in answered(standin) if "Stew" in c.text)
    shown = [(c.method, c.params.get("chat_id"), c.text[:60]) for c in answered(standin)]
    assert counts == {p.chat_id: 1 for p in crowd}, (outcomes, shown)
    conn = await asyncpg.connect(pg_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        processed = await conn.fetchval("SELECT count(*) FROM processed_updates")
    finally:
        await conn.close()
    assert processed == PEOPLE
