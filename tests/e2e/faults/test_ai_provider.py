"""The AI provider timing out, answering 500 or garbage while people log meals: every person is answered from
the offline estimator with a note, every Save is stored once, and nobody is answered twice."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from ai import notes
from tests.e2e.faults.traffic import answers_per_chat, meals_by_person, meals_then_save, people
from tests.e2e.telegram.conftest import settings_for
from tests.e2e.telegram.standin import StandInBotAPI
from tests.openai_standin import Answer, OpenAIStandIn, meal_json, serve_openai
from winstreak.bootstrap import App, build_app

pytestmark = pytest.mark.postgres
PEOPLE = 9
FAULTS = {
    "timeout": Answer(meal_json(("Late", 100, 999, 1, 1, 1)), delay=6.0),
    "500": Answer(status=500),
    "garbage": Answer("this is not JSON {]"),
    "wrong shape": Answer(body={"unexpected": True}),
}


@pytest.fixture
async def provider() -> AsyncIterator[OpenAIStandIn]:
    async with serve_openai() as state:
        yield state


@pytest.fixture
async def wired(pg_url: str, tmp_path: Path, standin: StandInBotAPI, provider: OpenAIStandIn) -> AsyncIterator[App]:
    """The app with its default estimator pointed at the stand-in provider (short timeout, no retries).

    The timeout is short against the scripted 6 s delay, yet long enough that a loaded CI machine still gets
    every request to the stand-in before it runs out (at 0.5 s some did not, and were never recorded).
    """
    settings = settings_for(
        pg_url,
        tmp_path,
        standin.base,
        ai_base_url=provider.base_url,
        ai_api_key=SecretStr("sk-fault-test"),
        ai_timeout_seconds=2.0,
        ai_max_retries=0,
    )
    app = await build_app(settings, migrate=False)
    try:
        yield app
    finally:
        await app.close()


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_every_meal_is_answered_offline_with_a_note_and_saved_once(
    fault: str, provider: OpenAIStandIn, polling: StandInBotAPI, wired: App
) -> None:
    provider.default = FAULTS[fault]
    crowd = people(polling, PEOPLE)
    estimates = await meals_then_save(polling, crowd, kcal=420)
    assert len(provider.requests) >= PEOPLE  # the provider really was asked (and failed) for every meal
    for person in crowd:
        text = estimates[person.chat_id].text
        assert "420" in text and "999" not in text
        assert notes.AI_FAILED in text
    assert answers_per_chat(polling) == {p.chat_id: 2 for p in crowd}  # the estimate and "Saved", once each
    assert await meals_by_person(wired) == {p.chat_id: 1 for p in crowd}


async def test_a_provider_that_recovers_mid_traffic_serves_the_next_meals(
    provider: OpenAIStandIn, polling: StandInBotAPI, wired: App
) -> None:
    provider.default = FAULTS["500"]
    first = people(polling, 4, first_id=8100)
    await meals_then_save(polling, first, kcal=420)
    provider.default = Answer(meal_json(("Soup", 300, 180, 6, 20, 7)))
    second = people(polling, 4, first_id=8200)
    estimates = await meals_then_save(polling, second, kcal=180)
    assert all(notes.AI_FAILED not in estimates[p.chat_id].text for p in second)
    assert answers_per_chat(polling) == {p.chat_id: 2 for p in first + second}
    assert await meals_by_person(wired) == {p.chat_id: 1 for p in first + second}
