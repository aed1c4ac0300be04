"""The platform answering 429 (retry_after) and 5xx to replies while people log meals: the bot backs off and
retries, every person gets each answer exactly once (counted per chat at the stand-in), every Save is stored."""

from __future__ import annotations

import pytest

from tests.e2e.faults.traffic import answered, answers_per_chat, meals_by_person, meals_then_save, people
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App

pytestmark = pytest.mark.postgres
PEOPLE = 6


async def test_polling_429_and_5xx_on_replies_are_retried_and_nobody_is_answered_twice(
    polling: StandInBotAPI, wired: App
) -> None:
    await faulty_replies(polling, wired)


async def test_webhook_429_and_5xx_on_replies_are_retried_and_nobody_is_answered_twice(
    webhook: StandInBotAPI, wired: App
) -> None:
    await faulty_replies(webhook, wired)


async def faulty_replies(api: StandInBotAPI, wired: App) -> None:
    api.fail("sendMessage", 429, "Too Many Requests: retry after 1", times=PEOPLE, retry_after=1)
    api.fail("sendMessage", 502, "Bad Gateway", times=3)
    api.fail("sendMessage", 500, "Internal Server Error", times=2)
    crowd = people(api, PEOPLE)
    await meals_then_save(api, crowd)
    failed = [c for c in api.sent(("sendMessage",)) if c.result is None]
    assert len(failed) == PEOPLE + 5  # every scripted failure was really met
    assert answers_per_chat(api) == {p.chat_id: 2 for p in crowd}
    assert await meals_by_person(wired) == {p.chat_id: 1 for p in crowd}
    first_retry = min(c.at for c in answered(api))
    assert first_retry - min(c.at for c in failed) >= 0.9  # retry_after was honoured before any retry succeeded
