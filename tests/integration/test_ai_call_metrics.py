"""``winstreak_ai_calls_total`` by operation and outcome, read from /metrics over HTTP on 127.0.0.1.

The real ``openai`` client talks to the stand-in OpenAI server: an answer that fits the schema is ``ok``, an
HTTP error is ``failed``, a reply that is no meal is ``unusable``; transcriptions likewise.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from ai.openai_compat import AiConfig, AiUnavailable, OpenAICompatClient
from ops.http import OpsServer
from tests.openai_standin import Answer, OpenAIStandIn, meal_json, serve_openai

Calls = dict[tuple[str, str], float]


@pytest.fixture
async def server() -> AsyncIterator[OpenAIStandIn]:
    async with serve_openai() as state:
        yield state


async def ai_calls(ops: OpsServer) -> Calls:
    async with aiohttp.ClientSession() as client, client.get(f"http://127.0.0.1:{ops.port}/metrics") as response:
        assert response.status == 200
        text = await response.text()
    return {
        (sample.labels["operation"], sample.labels["outcome"]): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "winstreak_ai_calls_total"
    }


async def test_ai_calls_are_counted_by_operation_and_outcome(server: OpenAIStandIn) -> None:
    ops = OpsServer("127.0.0.1", 0)
    await ops.start()
    client = OpenAICompatClient(AiConfig(server.base_url, "sk-test", "test-model", max_retries=0, timeout_seconds=5.0))
    try:
        before = await ai_calls(ops)
        server.queue(
            Answer(meal_json(("Omelette", 120, 190, 13, 1, 15))),
            Answer(status=500),
            Answer("this is not a meal"),
            Answer("two eggs and toast"),
            Answer(status=503),
        )
        await client.estimate_text("an omelette", "en")
        for text in ("soup", "salad"):
            with pytest.raises(AiUnavailable):
                await client.estimate_text(text, "en")
        assert await client.transcribe(b"OggS-not-really", "en") == "two eggs and toast"
        with pytest.raises(AiUnavailable):
            await client.transcribe(b"OggS-not-really", "en")
        after = await ai_calls(ops)
    finally:
        await client.close()
        await ops.stop()
    grown = {key: after[key] - before.get(key, 0.0) for key in after if after[key] != before.get(key, 0.0)}
    assert grown == {
        ("estimate", "ok"): 1.0,
        ("estimate", "failed"): 1.0,
        ("estimate", "unusable"): 1.0,
        ("transcribe", "ok"): 1.0,
        ("transcribe", "failed"): 1.0,
    }
