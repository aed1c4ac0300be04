"""The Open Food Facts adapter through the real httpx client against a stand-in API on 127.0.0.1."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator

import pytest

from ai.off_product import OffConfig, OpenFoodFactsClient
from ai.off_reply import LookupStatus
from tests.off_standin import OffStandIn, Scripted, off_product, serve_off

SPREAD = "3017620422003"
COLA = "5449000000996"


@pytest.fixture
async def off() -> AsyncIterator[OffStandIn]:
    async with serve_off() as server:
        server.products[SPREAD] = off_product("HAZELNUT SPREAD", "Ferrero, Nutella", 539, 6.3, 57.5, 30.9, 15)
        yield server


def client(server: OffStandIn, **changes: object) -> OpenFoodFactsClient:
    values: dict[str, object] = {"base_url": server.base_url, "timeout_seconds": 0.5, "backoff_seconds": 0.01}
    return OpenFoodFactsClient(OffConfig(**(values | changes)))  # type: ignore[arg-type]


async def test_found_product_becomes_a_food_per_100g(off: OffStandIn) -> None:
    looked = await client(off).lookup(SPREAD)
    assert looked.status is LookupStatus.FOUND and looked.food is not None
    food = looked.food
    assert (food.id, food.name, food.brand, food.barcode) == (f"off:{SPREAD}", "Hazelnut spread", "Ferrero", SPREAD)
    assert (food.kcal_100g, food.protein_100g, food.carbs_100g, food.fat_100g) == (539.0, 6.3, 57.5, 30.9)
    assert food.default_grams == 15.0
    (request,) = off.requests
    assert request["query"] == {
        "fields": "product_name,product_name_en,product_name_fr,brands,nutriments,serving_size,serving_quantity"
    }
    assert request["headers"]["User-Agent"].startswith("WinStreak/")


async def test_user_agent_names_the_contact(off: OffStandIn) -> None:
    await client(off, user_agent="WinStreak/9 (https://example.org/winstreak)").lookup(SPREAD)
    assert off.requests[0]["headers"]["User-Agent"] == "WinStreak/9 (https://example.org/winstreak)"


@pytest.mark.parametrize(("serving", "grams"), [(None, 100.0), (5000, 100.0), ("abc", 100.0), ("33", 33.0)])
async def test_default_portion_is_a_sane_serving_or_100g(off: OffStandIn, serving: object, grams: float) -> None:
    off.products[COLA] = off_product("Cola", "Fizz", 42, 0, 10.6, 0, serving)
    looked = await client(off).lookup(COLA)
    assert looked.food is not None and looked.food.default_grams == grams


async def test_a_product_named_only_in_one_language_keeps_that_name(off: OffStandIn) -> None:
    product = off_product("", "Fizz", 42, 0, 10.6, 0)
    off.products[COLA] = product | {"product_name_fr": "Boisson gazeuse"}
    looked = await client(off).lookup(COLA)
    assert looked.food is not None and looked.food.name == "Boisson gazeuse"
    off.products[SPREAD] = off_product("", "", 539, 6.3, 57.5, 30.9)
    unnamed = await client(off).lookup(SPREAD)
    assert unnamed.food is not None and unnamed.food.name == f"Product {SPREAD}"


async def test_kilojoules_only_are_converted(off: OffStandIn) -> None:
    off.products[COLA] = off_product("Cola", "", None, 0, 10.6, 0, **{"energy-kj_100g": 180})
    looked = await client(off).lookup(COLA)
    assert looked.food is not None and looked.food.kcal_100g == pytest.approx(43.0, abs=0.1)
    assert looked.food.brand is None


async def test_upc_a_is_asked_as_ean13(off: OffStandIn) -> None:
    off.products["0036000291452"] = off_product("Bar", "X", 380, 6, 64, 10)
    looked = await client(off).lookup("036000291452")
    assert looked.status is LookupStatus.FOUND and off.requests[0]["code"] == "0036000291452"


@pytest.mark.parametrize(
    "answer",
    [None, Scripted(200, {"code": COLA, "status": 0, "status_verbose": "product not found"})],
    ids=["404", "status-0"],
)
async def test_unknown_code_is_not_found(off: OffStandIn, answer: Scripted | None) -> None:
    if answer is not None:
        off.queue(answer)
    lookup = client(off)
    assert (await lookup.lookup(COLA)).status is LookupStatus.NOT_FOUND
    assert (await lookup.lookup(COLA)).status is LookupStatus.NOT_FOUND
    assert len(off.requests) == 1  # the answer is cached


@pytest.mark.parametrize(
    "product",
    [
        off_product("No energy", "", None, 1, 2, 3),
        off_product("Absurd", "", 4000, 1, 2, 3),
        off_product("Negative", "", -5, 1, 2, 3),
        off_product("Text", "", "lots", 1, 2, 3),
        off_product("Impossible macros", "", 300, 90, 90, 90),
        {"product_name": "No nutriments"},
    ],
)
async def test_missing_or_absurd_energy_is_unusable(off: OffStandIn, product: dict[str, object]) -> None:
    off.products[COLA] = product
    looked = await client(off).lookup(COLA)
    assert looked.status is LookupStatus.UNUSABLE and looked.food is None


async def test_server_errors_are_retried_with_backoff(off: OffStandIn) -> None:
    off.queue(Scripted(500, {"error": "boom"}), Scripted(429, {}, headers={"Retry-After": "0"}))
    looked = await client(off, max_retries=2).lookup(SPREAD)
    assert looked.status is LookupStatus.FOUND and len(off.requests) == 3


async def test_persistent_500_fails_after_the_retries_and_is_not_cached(off: OffStandIn) -> None:
    off.queue(*[Scripted(500, {"error": "boom"})] * 2)
    lookup = client(off, max_retries=1)
    looked = await lookup.lookup(SPREAD)
    assert (looked.status, looked.detail, len(off.requests)) == (LookupStatus.FAILED, "HTTP 500", 2)
    assert (await lookup.lookup(SPREAD)).status is LookupStatus.FOUND  # a failure is asked again


async def test_a_client_error_is_not_retried(off: OffStandIn) -> None:
    off.queue(Scripted(403, {"error": "forbidden"}))
    looked = await client(off, max_retries=3).lookup(SPREAD)
    assert looked.status is LookupStatus.FAILED and len(off.requests) == 1


async def test_timeout_fails(off: OffStandIn) -> None:
    off.queue(Scripted(200, {}, delay=1.0), Scripted(200, {}, delay=1.0))
    looked = await client(off, timeout_seconds=0.2, max_retries=1).lookup(SPREAD)
    assert looked.status is LookupStatus.FAILED and "Timeout" in looked.detail


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'{"status": 1, "product": "x"}'])
async def test_malformed_replies_fail(off: OffStandIn, body: bytes) -> None:
    off.queue(Scripted(200, body))
    assert (await client(off).lookup(SPREAD)).status is LookupStatus.FAILED


async def test_unreachable_server_fails() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the request: nothing listens there
    config = OffConfig(base_url=f"http://127.0.0.1:{port}", timeout_seconds=0.5, backoff_seconds=0.01)
    looked = await OpenFoodFactsClient(config).lookup(SPREAD)
    assert looked.status is LookupStatus.FAILED and "Connect" in looked.detail


async def test_invalid_code_asks_nothing(off: OffStandIn) -> None:
    assert (await client(off).lookup("1234567890123")).status is LookupStatus.NOT_FOUND
    assert off.requests == []


async def test_cache_keeps_the_most_recent_products(off: OffStandIn) -> None:
    off.products[COLA] = off_product("Cola", "Fizz", 42, 0, 10.6, 0)
    lookup = client(off, cache_size=1)
    await lookup.lookup(SPREAD)
    await lookup.lookup(SPREAD)
    await lookup.lookup(COLA)  # pushes the spread out
    await lookup.lookup(SPREAD)
    assert [r["code"] for r in off.requests] == [SPREAD, COLA, SPREAD]


async def test_requests_are_spaced_under_the_rate_limit(off: OffStandIn) -> None:
    off.products[COLA] = off_product("Cola", "Fizz", 42, 0, 10.6, 0)
    lookup = client(off, requests_per_minute=240)  # one request every 0.25 s
    started = time.monotonic()
    for code in (SPREAD, COLA, "4006381333931"):
        await lookup.lookup(code)
    assert time.monotonic() - started >= 0.45 and len(off.requests) == 3
