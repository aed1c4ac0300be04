"""DedupMiddleware: claims, renews while processing, finishes or releases; marks a held delivery (fake log)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import pytest
from aiogram.types import Update

from bots.common.messages import Incoming
from bots.telegram.dedup import DELIVERY_KEY, ClaimState, DedupMiddleware, Delivery


class FakeUpdateLog:
    """An in-memory update log that answers ``state`` to claims and records every call."""

    def __init__(self, state: ClaimState = "claimed") -> None:
        self.state: ClaimState = state
        self.calls: list[tuple[Any, ...]] = []
        self.renewed = asyncio.Event()
        self.renewals = 0
        self.inside = False  # within processing()
        self.scopes: list[str] = []
        self.claims: list[tuple[str | None, bool]] = []  # (state key named, within processing())

    async def claim(
        self, update_id: int, now: datetime, state_key: str | None = None, sender: str | None = None
    ) -> ClaimState:
        self.calls.append(("claim", update_id, now))
        self.claims.append((state_key, self.inside))
        return self.state

    async def renew(self, update_id: int, since: datetime, now: datetime) -> bool:
        self.calls.append(("renew", update_id, since, now))
        self.renewals += 1
        if self.renewals >= 2:
            self.renewed.set()
        return True

    async def finish(self, update_id: int) -> None:
        self.calls.append(("finish", update_id))

    async def release(self, update_id: int) -> None:
        self.calls.append(("release", update_id))

    @contextmanager
    def processing(self) -> Iterator[None]:
        self.inside = True
        self.scopes.append(f"enter after {self.calls[-1][0] if self.calls else 'nothing'}")
        try:
            yield
        finally:
            self.inside = False
            self.scopes.append(f"exit after {self.calls[-1][0]}")


UPDATE = Update(update_id=7)


async def test_a_long_update_renews_its_claim_in_a_chain_then_finishes() -> None:
    log = FakeUpdateLog()
    middleware = DedupMiddleware(log, renew_every=0.01)

    async def handler(_event: Any, _data: dict[str, Any]) -> str:
        await asyncio.wait_for(log.renewed.wait(), 30)
        return "handled"

    assert await middleware(handler, UPDATE, {}) == "handled"
    names = [c[0] for c in log.calls]
    assert names[0] == "claim" and names[-1] == "finish" and "release" not in names
    renewals = [c for c in log.calls if c[0] == "renew"]
    stamps = [log.calls[0][2]] + [r[3] for r in renewals]
    assert [r[2] for r in renewals] == stamps[:-1]  # each renewal moves the claim from where the last one put it
    await asyncio.sleep(0.05)
    assert log.calls[-1] == ("finish", 7)  # no renewal after the update is done


async def test_a_failing_update_is_released() -> None:
    log = FakeUpdateLog()

    async def handler(_event: Any, _data: dict[str, Any]) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await DedupMiddleware(log)(handler, UPDATE, {})
    assert [c[0] for c in log.calls] == ["claim", "release"]


@pytest.mark.parametrize(("state", "held"), [("held", True), ("done", False)])
async def test_a_held_or_done_update_is_not_processed_and_only_held_is_marked(state: ClaimState, held: bool) -> None:
    log = FakeUpdateLog(state)
    ran: list[int] = []

    async def handler(_event: Any, _data: dict[str, Any]) -> None:
        ran.append(1)

    delivery = Delivery()
    assert await DedupMiddleware(log)(handler, UPDATE, {DELIVERY_KEY: delivery}) is None
    assert ran == [] and delivery.held is held
    assert [c[0] for c in log.calls] == ["claim"]


async def test_claim_and_handler_run_inside_the_logs_processing_scope() -> None:
    log = FakeUpdateLog()
    seen: list[bool] = []

    async def handler(_event: Any, _data: dict[str, Any]) -> str:
        seen.append(log.inside)
        return "handled"

    assert await DedupMiddleware(log)(handler, UPDATE, {}) == "handled"
    assert seen == [True]
    assert log.claims == [(None, True)]  # an update without a person names no chat state
    assert log.scopes == ["enter after nothing", "exit after finish"]
    assert [c[0] for c in log.calls] == ["claim", "finish"]


def _message_update(update_id: int, chat_id: int, user_id: int) -> Update:
    return Update.model_validate(
        {
            "update_id": update_id,
            "message": {
                "message_id": 1,
                "date": 1_700_000_000,
                "chat": {"id": chat_id, "type": "group", "title": "Team"},
                "from": {"id": user_id, "is_bot": False, "first_name": "Ann"},
                "text": "2 eggs",
            },
        }
    )


async def test_the_claim_names_the_senders_chat_state_as_the_conversation_keys_it() -> None:
    log = FakeUpdateLog()

    async def handler(_event: Any, _data: dict[str, Any]) -> str:
        return "handled"

    update = _message_update(8, chat_id=-100, user_id=42)
    await DedupMiddleware(log)(handler, update, {})
    expected = Incoming("telegram", "-100", "42", "Ann").state_key
    assert log.claims == [(expected, True)]


async def test_a_held_update_is_not_handled_and_leaves_its_scope() -> None:
    log = FakeUpdateLog("held")

    async def handler(_event: Any, _data: dict[str, Any]) -> None:
        raise AssertionError("not to be called")

    assert await DedupMiddleware(log)(handler, UPDATE, {}) is None
    assert log.scopes == ["enter after nothing", "exit after claim"] and not log.inside
