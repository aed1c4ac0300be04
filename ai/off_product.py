"""The Open Food Facts product API (v2), by barcode, with httpx: online, and only when switched on.

``GET {base}/api/v2/product/{code}.json?fields=…`` with a User-Agent naming the app, as Open Food Facts
asks of API users. Connection errors, timeouts, 429 and 5xx are retried (tenacity) a bounded number of
times with exponential backoff (a 429's ``Retry-After`` is honoured up to a cap); a 404 means not found. Requests
are spaced to stay under Open Food Facts' limit for product reads (100 a minute; 60 by default). Answers
are kept in a small in-memory LRU cache (found products for a day, unknown codes for an hour), so the
same product scanned again costs no request; failures are not cached.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

import httpx
from aiolimiter import AsyncLimiter
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt, wait_exponential

from ai.off_reply import FIELDS, LookupStatus, ProductLookup, parse_reply
from core.food.barcode import check_barcode

log = logging.getLogger(__name__)
MAX_RETRY_AFTER = 5.0
FOUND_TTL = 24 * 3600.0
MISSING_TTL = 3600.0


def user_agent(contact: str = "") -> str:
    """``WinStreak/<version> (<contact>)``: who is calling, as Open Food Facts asks."""
    try:
        release = version("winstreak")
    except PackageNotFoundError:
        release = "0"
    return f"WinStreak/{release} ({contact or 'self-hosted calorie-tracker chat bot'})"


@dataclass(frozen=True, slots=True)
class OffConfig:
    """Where and how to ask: base URL, per-request timeout, retries, backoff and cache size."""

    base_url: str = "https://world.openfoodfacts.org"
    timeout_seconds: float = 5.0
    max_retries: int = 1
    backoff_seconds: float = 0.5
    cache_size: int = 1024
    requests_per_minute: float = 60.0
    user_agent: str = field(default_factory=user_agent)


class OpenFoodFactsClient:
    """Looks products up by barcode on the Open Food Facts API."""

    def __init__(self, config: OffConfig) -> None:
        self._config = config
        self._cache: OrderedDict[str, tuple[float, ProductLookup]] = OrderedDict()
        self._limiter = AsyncLimiter(1, 60.0 / config.requests_per_minute)
        self.requests = 0  # HTTP requests made, for logs and tests

    async def lookup(self, code: str) -> ProductLookup:
        """The product for a scanned code (UPC-A asked as EAN-13), from the cache or the API."""
        checked = check_barcode(code)
        if checked.code is None:
            return ProductLookup(LookupStatus.NOT_FOUND, detail=f"invalid code: {checked.problem}")
        cached = self._cache.get(checked.code)
        if cached is not None and cached[0] > time.monotonic():
            self._cache.move_to_end(checked.code)
            return cached[1]
        result = await self._fetch(checked.code)
        if result.status is not LookupStatus.FAILED:
            ttl = FOUND_TTL if result.status is LookupStatus.FOUND else MISSING_TTL
            self._cache[checked.code] = (time.monotonic() + ttl, result)
            self._cache.move_to_end(checked.code)
            while len(self._cache) > self._config.cache_size:
                self._cache.popitem(last=False)
        return result

    async def _fetch(self, code: str) -> ProductLookup:
        config = self._config
        url = f"{config.base_url.rstrip('/')}/api/v2/product/{code}.json"
        headers = {"User-Agent": config.user_agent, "Accept": "application/json"}
        retrying = AsyncRetrying(
            stop=stop_after_attempt(config.max_retries + 1),
            wait=_wait(config.backoff_seconds),
            retry=retry_if_exception_type(_Retryable),
            before_sleep=lambda state: log.info(
                "Open Food Facts lookup of %s failed (%s); retrying", code, _error(state)
            ),
            reraise=True,
        )
        async with httpx.AsyncClient(timeout=config.timeout_seconds, headers=headers, follow_redirects=True) as client:
            try:
                async for attempt in retrying:
                    with attempt:
                        return await self._ask(client, url, code)
            except _Retryable as err:
                detail = err.detail
        log.warning("Open Food Facts lookup of %s failed: %s", code, detail)
        return ProductLookup(LookupStatus.FAILED, detail=detail)

    async def _ask(self, client: httpx.AsyncClient, url: str, code: str) -> ProductLookup:
        """One request; raises :class:`_Retryable` for what is worth asking again."""
        try:
            async with self._limiter:
                self.requests += 1
                response = await client.get(url, params={"fields": FIELDS})
        except (httpx.HTTPError, httpx.InvalidURL) as err:  # refused, timeouts, broken replies, redirect loops
            raise _Retryable(f"{type(err).__name__}: {err}") from err
        if response.status_code == 404:
            return ProductLookup(LookupStatus.NOT_FOUND, detail="HTTP 404")
        if response.status_code == 200:
            return parse_reply(code, response.content)
        detail = f"HTTP {response.status_code}"
        if response.status_code == 429 or response.status_code >= 500:
            raise _Retryable(detail, _retry_after(response))
        return ProductLookup(LookupStatus.FAILED, detail=detail)


class _Retryable(Exception):
    """A failure worth another try, with the server's ``Retry-After`` (seconds, 0 when none)."""

    def __init__(self, detail: str, retry_after: float = 0.0) -> None:
        super().__init__(detail)
        self.detail = detail
        self.retry_after = retry_after


def _error(state: RetryCallState) -> str:
    error = state.outcome.exception() if state.outcome else None
    return str(error) if error else "?"


def _wait(backoff_seconds: float) -> Callable[[RetryCallState], float]:
    """Exponential backoff from ``backoff_seconds``, but never shorter than a 429's Retry-After."""
    exponential = wait_exponential(multiplier=backoff_seconds)

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = error.retry_after if isinstance(error, _Retryable) else 0.0
        return max(float(exponential(state)), asked)

    return wait


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER)
    except ValueError:
        return 0.0
