"""The operations server through a real HTTP client on 127.0.0.1: health, readiness reasons, metrics."""

from __future__ import annotations

import aiohttp

from core.model.outbox import Delivery, DeliveryStatus, OutboxMessage
from ops.http import OpsServer
from ops.metered import MeteredTransport


class Sent:
    async def deliver(self, message: OutboxMessage) -> Delivery:
        return Delivery(DeliveryStatus.SENT if message.id % 2 else DeliveryStatus.RETRY, retry_after=1.0)


async def test_readiness_names_what_is_wrong_and_metrics_count_deliveries() -> None:
    async def fine() -> str | None:
        return None

    async def behind() -> str | None:
        return "not at head (missing admin_0002)"

    async def broken() -> str | None:
        raise ConnectionRefusedError("db down")

    refreshed: list[int] = []

    async def refresh() -> None:
        refreshed.append(1)

    server = OpsServer("127.0.0.1", 0, checks={"database": broken, "migrations": behind, "telegram": fine})
    server.refreshers.append(refresh)
    transport = MeteredTransport(Sent(), "ops-test")
    for message_id in (1, 2, 3):
        await transport.deliver(OutboxMessage(message_id, f"k{message_id}", "reminder", "ops-test", "1", "en"))
    await server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        async with aiohttp.ClientSession() as client:
            async with client.get(f"{base}/healthz") as response:
                assert response.status == 200
            async with client.get(f"{base}/readyz") as response:
                assert response.status == 503
                body = await response.json()
            async with client.get(f"{base}/metrics") as response:
                metrics = await response.text()
    finally:
        await server.stop()
    assert body == {
        "ready": False,
        "checks": {
            "database": "ConnectionRefusedError",
            "migrations": "not at head (missing admin_0002)",
            "telegram": "ok",
        },
    }
    assert 'winstreak_outbox_deliveries_total{platform="ops-test",status="sent"} 2.0' in metrics
    assert 'winstreak_outbox_deliveries_total{platform="ops-test",status="retry"} 1.0' in metrics
    assert refreshed == [1]
