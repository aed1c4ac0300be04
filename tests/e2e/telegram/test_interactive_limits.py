"""Limits that fit the platform, against the stand-in Bot API (no wall-clock bounds: order and gaps only).

Replies wait only for their own chat; bulk sends (the outbox) share the bot-wide budget; "typing…" is never
held behind messages; a 429 is honoured through tenacity with its retry_after.
"""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramRetryAfter

from bots.telegram.limits import Limits, bulk_sending
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App
from winstreak.telegram_app import telegram_bot

SLOW_OVERALL = Limits(overall_per_second=2, per_chat_per_second=100, chat_burst=50)


async def bulk(bot: object, chats: range) -> None:
    with bulk_sending():
        for chat in chats:
            await bot.send_message(chat, "daily result")  # type: ignore[attr-defined]


async def test_bulk_sends_share_the_bot_wide_budget(standin: StandInBotAPI, wired: App) -> None:
    bot = telegram_bot(wired, limits=SLOW_OVERALL)
    try:
        await bulk(bot, range(8001, 8005))
    finally:
        await bot.session.close()
    times = [c.at for c in standin.sent()]
    # 2 a second, bot-wide: 3 waits of 0.5 s. Times are taken at the stand-in, so one request's late arrival on a busy
    # machine can shorten the gap after it: a margin on each gap, and the whole span (a delay there only lengthens it
    # unless the first request is the late one)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == 4 and min(gaps) >= 0.3 and times[-1] - times[0] >= 1.3, gaps


async def test_replies_to_people_are_not_queued_behind_bulk_sends(standin: StandInBotAPI, wired: App) -> None:
    bot = telegram_bot(wired, limits=SLOW_OVERALL)
    try:
        queued = asyncio.create_task(bulk(bot, range(8001, 8007)))  # three seconds of bulk at 2 a second
        await standin.wait_sent(1)
        await asyncio.gather(*(bot.send_message(9001 + n, "your estimate") for n in range(5)))
        await queued
    finally:
        await bot.session.close()
    order = [c.params["chat_id"] for c in standin.sent()]
    replies = [order.index(str(9001 + n)) for n in range(5)]
    assert max(replies) < order.index("8004"), order  # five replies went out while the bulk waited its turns


async def test_typing_is_not_held_behind_messages_of_the_same_chat(standin: StandInBotAPI, wired: App) -> None:
    bot = telegram_bot(wired, limits=Limits(per_chat_per_second=2, chat_burst=1))
    try:
        started = time.monotonic()
        messages = asyncio.gather(*(bot.send_message(7001, f"m{n}") for n in range(4)))
        await standin.wait_sent(1)
        await bot.send_chat_action(7001, ChatAction.TYPING)
        await messages
        paced = time.monotonic() - started
    finally:
        await bot.session.close()
    calls = standin.sent(("sendMessage", "sendChatAction"))
    methods = [c.method for c in calls]
    assert methods.index("sendChatAction") < 3, methods  # not after the paced messages
    assert paced >= 1.45, paced  # the chat's own pace still holds for messages: three waits of 0.5 s


async def test_a_429_is_honoured_then_given_up_after_the_attempt_budget(standin: StandInBotAPI, wired: App) -> None:
    bot = telegram_bot(wired, limits=Limits(max_retries=1))
    standin.fail("sendMessage", 429, "Too Many Requests: retry after 1", times=2, retry_after=1)
    try:
        with pytest.raises(TelegramRetryAfter):
            await bot.send_message(7001, "twice refused")
        await bot.send_message(7001, "accepted")
    finally:
        await bot.session.close()
    attempts = [c for c in standin.calls if c.method == "sendMessage"]
    assert [c.params["text"] for c in attempts] == ["twice refused", "twice refused", "accepted"]
    assert attempts[1].at - attempts[0].at >= 0.95  # retry_after was waited for
