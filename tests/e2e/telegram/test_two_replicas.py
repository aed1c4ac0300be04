"""Two ``winstreak run`` replicas in webhook mode on one PostgreSQL behind a round-robin proxy; one is SIGTERMed
mid-traffic and restarted: every update is processed exactly once and every person answered once per message."""

from __future__ import annotations

import asyncio
import itertools
import signal
from collections import Counter
from pathlib import Path

import aiohttp
import asyncpg
import pytest
from aiohttp import web

from tests.e2e.telegram.standin import StandInBotAPI
from tests.e2e.telegram.test_cli_run import env, winstreak
from tests.e2e.telegram.test_run_operations import free_port, wait_http
from tests.local_http import serve_local

pytestmark = pytest.mark.postgres
PEOPLE = 8
ROUNDS = 6


class RoundRobin:
    """A load balancer: each request goes to the next replica that accepts a connection (502 if none does)."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.turn = itertools.count()
        self.served: Counter[int] = Counter()
        self.client: aiohttp.ClientSession | None = None

    async def forward(self, request: web.Request) -> web.Response:
        assert self.client is not None
        body = await request.read()
        start = next(self.turn)
        for step in range(len(self.ports)):
            port = self.ports[(start + step) % len(self.ports)]
            try:
                async with self.client.post(
                    f"http://127.0.0.1:{port}{request.path}", data=body, headers=dict(request.headers)
                ) as response:
                    self.served[port] += 1
                    return web.Response(status=response.status, body=await response.read())
            except aiohttp.ClientConnectionError:
                continue
        return web.Response(status=502)


def replica_env(tmp_path: Path, standin: StandInBotAPI, database: str, proxy: str, port: int) -> dict[str, str]:
    return {
        **env(tmp_path, standin.base),
        "WINSTREAK_DATABASE_URL": database,
        "WINSTREAK_TELEGRAM_WEBHOOK_URL": f"{proxy}/telegram/hook",
        "WINSTREAK_HTTP_PORT": str(port),
        "WINSTREAK_RUN_SCHEDULER": "false",
        "WINSTREAK_LOG_LEVEL": "INFO",
    }


async def test_a_replica_swapped_mid_traffic_loses_and_repeats_nothing(
    standin: StandInBotAPI, pg_url: str, tmp_path: Path
) -> None:
    ports = [free_port(), free_port()]
    balancer = RoundRobin(ports)
    proxy_app = web.Application()
    proxy_app.router.add_post("/{path:.*}", balancer.forward)
    balancer.client = aiohttp.ClientSession()
    processes: list[asyncio.subprocess.Process] = []
    try:
        async with serve_local(proxy_app) as proxy:
            envs = [replica_env(tmp_path / f"r{i}", standin, pg_url, proxy, port) for i, port in enumerate(ports)]
            processes = [await winstreak("run", environment=e) for e in envs]
            for process, port in zip(processes, ports, strict=True):
                await wait_http(f"http://127.0.0.1:{port}/readyz", process)
            await standin.wait_sent(2, methods=("setWebhook",), within=60)
            people = [(standin.chat(7000 + n), standin.user(7000 + n, f"P{n}")) for n in range(PEOPLE)]
            sent_updates: list[int] = []
            for round_number in range(ROUNDS):
                if round_number == 2:  # SIGTERM one replica while this round's messages are in flight
                    processes[0].send_signal(signal.SIGTERM)
                updates = [standin.update(message=standin.message(chat, user, text="/today")) for chat, user in people]
                results = await asyncio.gather(*(standin.deliver(u, attempts=40) for u in updates))
                assert all(statuses[-1] == 200 for statuses in results), results
                sent_updates += [u["update_id"] for u in updates]
                if round_number == 2:
                    _, err = await asyncio.wait_for(processes[0].communicate(), 60)
                    assert processes[0].returncode == 0, err.decode()[-3000:]
                    assert '"level": "error"' not in err.decode()
                    processes[0] = await winstreak("run", environment=envs[0])
                    await wait_http(f"http://127.0.0.1:{ports[0]}/readyz", processes[0])
            await standin.wait_sent(PEOPLE * ROUNDS, within=60)
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            await asyncio.wait_for(process.communicate(), 60)
        await balancer.client.close()
    answers = Counter(str(call.params["chat_id"]) for call in standin.sent())
    assert answers == Counter({str(7000 + n): ROUNDS for n in range(PEOPLE)})
    assert all(balancer.served[port] > 0 for port in ports)
    conn = await asyncpg.connect(pg_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        processed = await conn.fetchval("SELECT count(*) FROM processed_updates")
    finally:
        await conn.close()
    assert processed == len(sent_updates) == PEOPLE * ROUNDS
