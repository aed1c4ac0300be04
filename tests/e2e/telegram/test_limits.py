"""Outgoing limits against the stand-in: 429 retried after retry_after, 403 marks the user inactive, pacing."""

from __future__ import annotations

import asyncio
import time

import pytest

from bots.telegram.limits import Limits
from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App
from winstreak.telegram_app import telegram_bot


async def test_a_429_is_retried_after_retry_after(polling: StandInBotAPI) -> None:
    polling.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    calls = await Chat(polling).say("/help", expect=2)
    first, second = calls
    assert "/today" in second.text and first.text == second.text
    assert second.at - first.at >= 0.95


async def test_a_403_marks_the_user_inactive_until_they_write_again(polling: StandInBotAPI, wired: App) -> None:
    chat = Chat(polling)
    await chat.say("/help")
    polling.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await chat.say("/today")
    for _ in range(100):
        async with wired.uow() as uow:
            user = await uow.users.by_identity("telegram", "5001")
        if user is not None and not user.active:
            break
        await asyncio.sleep(0.05)
    assert user is not None and not user.active
    await chat.say("/help")  # they unblocked the bot and write again
    async with wired.uow() as uow:
        again = await uow.users.by_identity("telegram", "5001")
    assert again is not None and again.active


async def test_messages_to_one_chat_are_paced(standin: StandInBotAPI, wired: App) -> None:
    """Five messages to one chat at 10 a second (burst 1) cannot take less than 0.4 s, however fast the machine.

    Measured on the sender's side: the stand-in's arrival times also carry each request's own latency (the
    first one opens the connection), so their gaps can be short on a loaded machine although the pacing held.
    A slow machine only makes the run longer, so the lower bound holds everywhere.
    """
    bot = telegram_bot(wired, limits=Limits(per_chat_per_second=10, chat_burst=1))
    try:
        started = time.monotonic()
        for n in range(5):
            await bot.send_message(7001, f"message {n}")
        paced = time.monotonic() - started
        other = await asyncio.gather(*(bot.send_message(7002 + n, "hi") for n in range(3)))
    finally:
        await bot.session.close()
    assert paced >= 0.39, paced  # four waits of 0.1 s: 10 a second in one chat
    assert len(other) == 3 and len(standin.sent()) == 8


async def test_a_group_gets_its_per_minute_budget_then_waits(standin: StandInBotAPI, wired: App) -> None:
    bot = telegram_bot(wired, limits=Limits(per_group_per_minute=3))  # scaled down from 20/min
    try:
        for n in range(3):
            await bot.send_message(-100123, f"group message {n}")
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(bot.send_message(-100123, "one too many"), 0.5)
        await asyncio.wait_for(bot.send_message(7001, "a private chat is not held up"), 2)
    finally:
        await bot.session.close()
    assert [c.params["chat_id"] for c in standin.sent()] == ["-100123"] * 3 + ["7001"]
