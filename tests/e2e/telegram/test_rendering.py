"""Replies rendered through the real aiogram client: photos, files, long texts, keyboards, chat actions."""

from __future__ import annotations

import io

from PIL import Image

from bots.common.messages import Button, Reply
from bots.telegram.sending import send_replies
from tests.e2e.telegram.conftest import FAST
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App
from winstreak.telegram_app import telegram_bot


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(out, "PNG")
    return out.getvalue()


async def test_photo_file_long_text_and_keyboard(standin: StandInBotAPI, wired: App) -> None:
    picture = png()
    long_text = "\n".join(f"line {n} " + "x" * 90 for n in range(60))  # about 5,900 characters
    replies = [
        Reply("Your rank card", image=picture, image_name="rank.png"),
        Reply("Your data", document=b'{"meals": []}', document_name="export.json"),
        Reply(long_text, ((Button("Save", "save"), Button("Cancel", "cancel")),)),
    ]
    bot = telegram_bot(wired, limits=FAST)
    try:
        assert await send_replies(bot, 6001, replies)
    finally:
        await bot.session.close()
    methods = [c.method for c in standin.calls]
    assert methods == [
        "sendChatAction",
        "sendPhoto",
        "sendChatAction",
        "sendDocument",
        "sendMessage",
        "sendMessage",
    ]
    actions = [c.params["action"] for c in standin.sent(("sendChatAction",))]
    assert actions == ["upload_photo", "upload_document"]
    photo, document, first, second = standin.sent()
    assert photo.params["photo"] == picture and photo.params["caption"] == "Your rank card"
    assert document.params["document"] == b'{"meals": []}' and document.params["caption"] == "Your data"
    assert len(first.text) <= 4096 and len(second.text) <= 4096
    assert first.text + "\n" + second.text == long_text
    assert first.buttons == [] and second.buttons == [("Save", "save"), ("Cancel", "cancel")]


async def test_a_blocked_chat_stops_the_remaining_replies(standin: StandInBotAPI, wired: App) -> None:
    standin.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    bot = telegram_bot(wired, limits=FAST)
    try:
        assert not await send_replies(bot, 6002, [Reply("one"), Reply("two")])
    finally:
        await bot.session.close()
    assert len(standin.sent()) == 1
