"""The session middleware that keeps aiogram's ``Response[T]`` models alive between calls."""

import asyncio
import gc
from typing import Any

from aiogram import Bot
from aiogram.methods import AnswerCallbackQuery, Response, SendMessage, TelegramMethod
from aiogram.types import Message

from bots.telegram.response_types import PinResponseTypes


def test_the_response_model_of_a_called_method_is_built_once_and_the_answer_passes_through() -> None:
    pin = PinResponseTypes()
    bot = Bot("123456:TEST-token")
    calls: list[Any] = []

    async def make_request(bot: Bot, method: TelegramMethod[Any]) -> Response[Any]:
        calls.append(method)
        return Response[str](ok=True, result=f"answer {len(calls)}")

    async def run() -> list[Response[Any]]:
        send = SendMessage(chat_id=1, text="hi")
        press = AnswerCallbackQuery(callback_query_id="q")
        return [
            await pin(make_request, bot, send),
            await pin(make_request, bot, press),
            await pin(make_request, bot, send),
        ]

    answers = asyncio.run(run())
    assert [a.result for a in answers] == ["answer 1", "answer 2", "answer 3"] and len(calls) == 3
    assert set(pin.pinned) == {SendMessage, AnswerCallbackQuery}
    built = pin.pinned[SendMessage]
    gc.collect()
    assert Response[Message] is built  # what aiogram's check_response asks for: the cached model, not a new one
    assert Response[bool] is pin.pinned[AnswerCallbackQuery]
