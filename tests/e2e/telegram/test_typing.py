""" "typing…" only for slow answers: the real aiogram client against the stand-in Bot API."""

from __future__ import annotations

from typing import cast

from bots.common.conversation import Conversation
from bots.common.messages import Incoming, Reply
from bots.telegram.routers.common import converse
from tests.e2e.telegram.conftest import FAST
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App
from winstreak.telegram_app import telegram_bot

ACTIONS = ("sendChatAction",)


class AnswerWhen:
    """A conversation answering at once, or only after the stand-in has seen "typing…" (a slow answer)."""

    def __init__(self, standin: StandInBotAPI | None) -> None:
        self.standin = standin

    async def handle(self, incoming: Incoming) -> list[Reply]:
        if self.standin is not None:
            await self.standin.wait_sent(1, ACTIONS, within=60)
        return [Reply(f"answer to {incoming.text}")]


def incoming(chat_id: int) -> Incoming:
    return Incoming("telegram", str(chat_id), str(chat_id), "Ada", text="an apple")


async def test_a_quick_answer_sends_no_chat_action(standin: StandInBotAPI, wired: App) -> None:
    bot = telegram_bot(wired, limits=FAST)
    try:
        conversation = cast(Conversation, AnswerWhen(None))
        await converse(bot, conversation, incoming(7101), typing_after=60)
    finally:
        await bot.session.close()
    assert [c.method for c in standin.calls] == ["sendMessage"]
    assert standin.sent()[0].text == "answer to an apple"


async def test_a_slow_answer_shows_typing_first(standin: StandInBotAPI, wired: App) -> None:
    bot = telegram_bot(wired, limits=FAST)
    try:
        conversation = cast(Conversation, AnswerWhen(standin))
        await converse(bot, conversation, incoming(7102), typing_after=0.05)
    finally:
        await bot.session.close()
    methods = [c.method for c in standin.calls]
    assert methods[0] == "sendChatAction" and methods[-1] == "sendMessage", methods
    action = standin.sent(ACTIONS)[0]
    assert action.params["action"] == "typing" and str(action.params["chat_id"]) == "7102"
