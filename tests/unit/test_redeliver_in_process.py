"""Long polling's in-process redelivery: again while the database is away, not for other failures, not webhooks."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
import sqlalchemy.exc
from aiogram.types import TelegramObject, Update

from bots.telegram.dedup import DELIVERY_KEY, Delivery
from bots.telegram.redeliver import RedeliverInProcess
from bots.telegram.retry_later import REDELIVER_KEY, database_away, retry_later

UPDATE = Update(update_id=7)


class Flaky:
    """A handler that fails with ``error`` the first ``failures`` times; records the data of each call."""

    def __init__(self, failures: int, error: Exception) -> None:
        self.failures, self.error = failures, error
        self.calls: list[dict[str, Any]] = []

    async def __call__(self, event: TelegramObject, data: dict[str, Any]) -> Any:
        self.calls.append(dict(data))
        data["touched"] = len(self.calls)  # an inner middleware's mark: must not leak into the next attempt
        if len(self.calls) <= self.failures:
            raise self.error
        return "handled"


def quick(within: float = 5.0) -> RedeliverInProcess:
    return RedeliverInProcess(within=within, first_wait=0.001, longest_wait=0.01)


async def test_an_update_is_handled_again_while_the_database_is_away() -> None:
    handler, data = Flaky(2, ConnectionError("refused")), dict[str, Any](bot="b")
    assert await quick().on_update(handler, UPDATE, data) == "handled"
    assert len(handler.calls) == 3
    assert all(call == {"bot": "b", REDELIVER_KEY: True} for call in handler.calls)  # each from the update's data
    assert data["touched"] == 3 and REDELIVER_KEY not in data


async def test_an_attempt_counts_as_delivered_again_so_inner_middlewares_do_not_apologise() -> None:
    away = ConnectionError("refused")
    assert retry_later(away, {REDELIVER_KEY: True})
    assert not retry_later(away, {REDELIVER_KEY: False}) and not retry_later(away, {})
    assert not retry_later(ValueError("bug"), {REDELIVER_KEY: True})


async def test_other_failures_are_not_retried() -> None:
    handler = Flaky(1, ValueError("bug"))
    with pytest.raises(ValueError, match="bug"):
        await quick().on_update(handler, UPDATE, {})
    assert len(handler.calls) == 1


async def test_a_database_away_for_too_long_is_answered_as_a_failure() -> None:
    handler, data = Flaky(10**6, ConnectionError("refused")), dict[str, Any]()
    with pytest.raises(ConnectionError):
        await quick(within=0.05).on_update(handler, UPDATE, data)
    assert len(handler.calls) >= 2
    assert data[REDELIVER_KEY] is False and not retry_later(ConnectionError(), data)  # the outer answers it


async def test_a_webhook_delivery_is_left_to_telegram() -> None:
    handler = Flaky(1, ConnectionError("refused"))
    with pytest.raises(ConnectionError):
        await quick().on_update(handler, UPDATE, {DELIVERY_KEY: Delivery()})
    assert len(handler.calls) == 1


def test_a_sqlite_error_is_never_the_database_away() -> None:
    full = sqlalchemy.exc.OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full"))
    assert not database_away(full) and not retry_later(full, {REDELIVER_KEY: True})
    refused = sqlalchemy.exc.OperationalError("connect", {}, ConnectionRefusedError("refused"))
    assert database_away(refused)
