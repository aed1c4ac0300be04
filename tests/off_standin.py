"""A stand-in Open Food Facts product API (v2) on 127.0.0.1 for tests.

Known products answer ``{"code", "status": 1, "product": {...}}`` with only the requested ``fields``;
unknown codes answer 404 with ``status`` 0, as the real API does. Tests may queue scripted answers
(status, raw body, delay, headers) for the next requests; every request is recorded (path, query,
headers) so tests can check what the real httpx client sent, or that nothing was sent at all.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.local_http import serve_local


@dataclass
class Scripted:
    """One scripted answer: ``body`` is sent as is (bytes) or as JSON (anything else)."""

    status: int = 200
    body: Any = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


def off_product(name: str, brands: str, kcal: object, protein: float, carbs: float, fat: float,
                serving_quantity: Any = None, **nutriments: Any) -> dict[str, Any]:  # fmt: skip
    """A product object in the v2 layout (``nutriments`` per 100 g)."""
    values: dict[str, Any] = {"proteins_100g": protein, "carbohydrates_100g": carbs, "fat_100g": fat, **nutriments}
    if kcal is not None:
        values["energy-kcal_100g"] = kcal
    product: dict[str, Any] = {"product_name": name, "brands": brands, "nutriments": values}
    if serving_quantity is not None:
        product["serving_quantity"] = serving_quantity
        product["serving_size"] = f"{serving_quantity} g"
    return product


class OffStandIn:
    """The server's state: products by code, queued answers and recorded requests."""

    def __init__(self) -> None:
        self.products: dict[str, dict[str, Any]] = {}
        self.answers: deque[Scripted] = deque()
        self.requests: list[dict[str, Any]] = []
        self.base_url = ""

    def queue(self, *answers: Scripted) -> None:
        """Answers for the next requests, in order (then the products answer again)."""
        self.answers.extend(answers)

    async def product(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        self.requests.append({"code": code, "query": dict(request.query), "headers": dict(request.headers)})
        if self.answers:
            answer = self.answers.popleft()
            if answer.delay:
                await asyncio.sleep(answer.delay)
            raw = answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body).encode()
            return web.Response(body=raw, status=answer.status, headers=answer.headers, content_type="application/json")
        found = self.products.get(code)
        if found is None:
            missing = {"code": code, "status": 0, "status_verbose": "product not found"}
            return web.json_response(missing, status=404)
        wanted = request.query.get("fields", "").split(",")
        shown = {key: value for key, value in found.items() if key in wanted}
        return web.json_response({"code": code, "status": 1, "status_verbose": "product found", "product": shown})


@asynccontextmanager
async def serve_off() -> AsyncIterator[OffStandIn]:
    """A running stand-in on 127.0.0.1 (port chosen by the system); ``base_url`` has no trailing slash."""
    state = OffStandIn()
    app = web.Application()
    app.router.add_get("/api/v2/product/{code}.json", state.product)
    async with serve_local(app) as base_url:
        state.base_url = f"{base_url}"
        yield state
