"""Answering a button press: in the webhook's response, or by a request when that would come too late.

The real aiogram client and CallbackQuery against the stand-in Bot API; ``late_after=0`` stands for a handling
slower than the limit (the timer fires at the first await), a cancelled timer for a quick one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import CallbackQuery

from bots.telegram.app import create_bot
from bots.telegram.press_answer import PressAnswer
from tests.e2e.telegram.conftest import FAST, TOKEN
from tests.e2e.telegram.standin import StandInBotAPI

ANSWER = ("answerCallbackQuery",)


@pytest.fixture
async def bot(standin: StandInBotAPI) -> AsyncIterator[Bot]:
    bot = create_bot(TOKEN, api_base=standin.base, limits=FAST)
    try:
        yield bot
    finally:
        await bot.session.close()


def press(bot: Bot, query_id: str = "q-1") -> CallbackQuery:
    user: dict[str, Any] = {"id": 5001, "is_bot": False, "first_name": "Ada"}
    raw = {"id": query_id, "from": user, "chat_instance": "ci", "data": "save"}
    return CallbackQuery.model_validate(raw, context={"bot": bot})


async def test_a_quick_press_is_answered_by_the_returned_method_and_no_request(
    standin: StandInBotAPI, bot: Bot
) -> None:
    async with PressAnswer(press(bot), in_response=True) as answer:
        pass
    method = answer.method()
    assert isinstance(method, AnswerCallbackQuery) and method.callback_query_id == "q-1"
    assert standin.sent(ANSWER) == []


async def test_keys_taken_off_in_time_leave_the_answer_to_the_response_however_long_the_rest(
    standin: StandInBotAPI, bot: Bot
) -> None:
    async with PressAnswer(press(bot), in_response=True, late_after=0) as answer:
        answer.keys_leaving()  # before the timer's first chance to fire
        await asyncio.sleep(0.05)  # the rest of a slow handling (replies held by the chat's limit)
    assert isinstance(answer.method(), AnswerCallbackQuery)
    assert standin.sent(ANSWER) == []


async def test_a_press_still_showing_its_keys_after_the_limit_is_answered_by_a_request_once(
    standin: StandInBotAPI, bot: Bot
) -> None:
    async with PressAnswer(press(bot), in_response=True, late_after=0) as answer:
        await standin.wait_sent(1, ANSWER)  # the timer made the request while the handling went on
        answer.keys_leaving()
        await answer.now()  # already answered: not twice
    assert answer.method() is None
    assert [c.params["callback_query_id"] for c in standin.sent(ANSWER)] == ["q-1"]


async def test_a_failed_handling_is_answered_by_a_request_and_the_error_goes_on(
    standin: StandInBotAPI, bot: Bot
) -> None:
    with pytest.raises(RuntimeError, match="handler broke"):
        async with PressAnswer(press(bot), in_response=True) as answer:
            raise RuntimeError("handler broke")
    assert answer.method() is None
    assert len(standin.sent(ANSWER)) == 1


async def test_a_failing_answer_request_is_logged_and_the_press_handled(
    standin: StandInBotAPI, bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    standin.fail("answerCallbackQuery", 400, "Bad Request: query is too old")
    handled = False
    with caplog.at_level(logging.WARNING, logger="bots.telegram.press_answer"):
        async with PressAnswer(press(bot), in_response=True) as answer:
            await answer.now()
            handled = True
    assert handled and answer.method() is None
    assert "not answered" in caplog.text and "q-1" not in caplog.text


async def test_in_polling_the_press_is_answered_by_a_request_before_it_is_handled(
    standin: StandInBotAPI, bot: Bot
) -> None:
    async with PressAnswer(press(bot), in_response=False) as answer:
        assert len(standin.sent(ANSWER)) == 1  # already made when the handling starts
    assert answer.method() is None
    assert len(standin.sent(ANSWER)) == 1
