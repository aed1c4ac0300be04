"""Webhook mode: secret token checked, acknowledged only after processing, redeliveries processed once."""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from pathlib import Path

import aiohttp
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import func, select

from bots.common.conversation import STALE
from bots.telegram.runners import webhook_secret
from storage.chat.tables import ProcessedUpdateRow
from tests.e2e.telegram.conftest import TOKEN, Chat, settings_for
from tests.e2e.telegram.standin import StandInBotAPI
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App, build_app
from winstreak.telegram_app import run_telegram

PROFILE = "/profile sex=female born=1990 height=168 weight=64 activity=moderate goal=maintain tz=UTC"


async def test_webhook_is_registered_with_the_secret_and_answers_a_message(webhook: StandInBotAPI) -> None:
    assert webhook.webhook is not None and webhook.webhook["secret_token"]
    calls = await Chat(webhook).say("/help")
    assert "/today" in calls[0].text


async def test_a_wrong_secret_token_is_refused_and_nothing_is_processed(webhook: StandInBotAPI) -> None:
    chat = Chat(webhook)
    assert webhook.webhook is not None
    webhook.webhook["secret_token"] = "not-the-secret"
    update = webhook.update(message=webhook.message(chat.chat, chat.user, text="/help"))
    statuses = await webhook.deliver(update, attempts=2)
    assert statuses == [401, 401]
    assert webhook.sent() == []


async def test_the_same_update_delivered_twice_is_processed_once(webhook: StandInBotAPI, wired: App) -> None:
    chat = Chat(webhook)
    update = webhook.update(message=webhook.message(chat.chat, chat.user, text="toast 200 kcal"))
    assert await webhook.deliver(update) == [200]
    assert await webhook.deliver(update) == [200, 200]
    assert len(webhook.sent()) == 1
    async with wired.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(ProcessedUpdateRow))
    assert count == 1


def errors_counted() -> float:
    return REGISTRY.get_sample_value("winstreak_errors_total", {"where": "telegram"}) or 0.0


def failed_texts_counted() -> float:
    labels = {"platform": "telegram", "kind": "text", "outcome": "error"}
    return REGISTRY.get_sample_value("winstreak_updates_total", labels) or 0.0


async def test_a_failing_handler_is_answered_with_an_error_id_and_acknowledged_once(
    webhook: StandInBotAPI, estimator: RecordingEstimator, caplog: pytest.LogCaptureFixture
) -> None:
    chat = Chat(webhook)
    estimator.fail_next_text = 1
    update = webhook.update(message=webhook.message(chat.chat, chat.user, text="soup 300 kcal"))
    counted = (errors_counted(), failed_texts_counted())
    with caplog.at_level(logging.ERROR):
        assert await webhook.deliver(update) == [200]
    assert (errors_counted(), failed_texts_counted()) == (counted[0] + 1, counted[1] + 1)  # on /metrics
    apology = webhook.sent()[-1]
    error_id = re.search(r"\(error ([0-9a-f]{8})\)", apology.text)
    assert error_id is not None and "300 kcal" not in apology.text
    failures = [r for r in caplog.records if getattr(r, "error_id", None) == error_id.group(1)]
    assert len(failures) == 1 and failures[0].exc_info is not None
    assert "soup" not in caplog.text
    assert await webhook.deliver(update) == [200, 200]  # delivered again: not handled (nor apologised) twice
    assert len(webhook.sent()) == 1
    assert (errors_counted(), failed_texts_counted()) == (counted[0] + 1, counted[1] + 1)  # nor counted twice
    calls = await chat.say("soup 300 kcal")  # the next message is handled normally
    assert "300" in calls[0].text and calls[0].buttons


async def test_a_button_press_is_answered_in_the_webhook_response_not_by_a_request(webhook: StandInBotAPI) -> None:
    chat = Chat(webhook)
    await chat.say(PROFILE, expect=2)
    estimate = (await chat.say("toast 200 kcal"))[0]
    saved = await chat.press(estimate, "Save")
    assert "Saved 200 kcal" in saved[0].text
    ticked = webhook.sent(("editMessageText",))
    assert len(ticked) == 1 and "✔ Save" in ticked[0].text and not ticked[0].in_response
    again = await chat.press(estimate, "Save")  # a second device: its message has no keys left to take off
    assert again[0].text == STALE
    answers = webhook.sent(("answerCallbackQuery",))
    assert [a.in_response for a in answers] == [True, True]  # once per press, read from the HTTP response
    assert len({a.params["callback_query_id"] for a in answers}) == 2
    assert webhook.sent(("editMessageReplyMarkup",)) == []


async def test_run_telegram_serves_the_webhook_from_settings(
    standin: StandInBotAPI, sqlite_url: str, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = settings_for(
        sqlite_url,
        tmp_path,
        standin.base,
        telegram_webhook_url=f"http://127.0.0.1:{port}/hook/telegram",
        http_port=port,
    )
    app = await build_app(settings, migrate=False)
    stop = asyncio.Event()
    task = asyncio.create_task(run_telegram(app, stop))
    try:
        await standin.wait_sent(1, methods=("setWebhook",))
        assert standin.webhook is not None
        assert standin.webhook["secret_token"] == webhook_secret(TOKEN) != TOKEN
        calls = await Chat(standin).say("/help")
        assert "/today" in calls[0].text
        async with aiohttp.ClientSession() as client:  # the same server answers the operator's endpoints
            async with client.get(f"http://127.0.0.1:{port}/readyz") as response:
                assert response.status == 200, await response.text()
                assert (await response.json())["checks"]["telegram"] == "ok"
            async with client.get(f"http://127.0.0.1:{port}/metrics") as response:
                metrics = await response.text()
            assert 'winstreak_updates_total{kind="command",outcome="ok",platform="telegram"}' in metrics
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await app.close()
