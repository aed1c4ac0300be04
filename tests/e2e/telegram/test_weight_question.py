"""/weight far from the last weight asks first, over Telegram (real aiogram against the stand-in): each button saves
exactly what its label says, Cancel saves nothing, and an older question's button is stale: it changes nothing."""

from __future__ import annotations

from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI

PROFILE = "/profile sex=male born=1985 height=180 weight=80 activity=light goal=maintain tz=UTC"


async def test_a_jump_is_asked_about_and_the_pressed_reading_is_saved(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=5201, user_id=5201, name="Wes")
    await chat.say(PROFILE, expect=2)
    asked = await chat.say("/weight 176")
    assert "176 kg would be +96.0 kg since last time (80 kg)" in asked[0].text
    assert "Nothing is saved yet" in asked[0].text and "Did you mean 176 lb = 79.8 kg?" in asked[0].text
    assert [label for label, _ in asked[0].buttons] == ["Save 176 kg", "Save 176 lb = 79.8 kg", "Cancel"]
    saved = await chat.press(asked[0], "Save 176 lb = 79.8 kg")
    assert "⚖️ Logged 79.8 kg. (−0.2 kg since last time)" in saved[0].text


async def test_cancel_saves_nothing_and_an_older_question_is_stale(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=5202, user_id=5202, name="Vi")
    await chat.say(PROFILE, expect=2)
    first = await chat.say("/weight 95")
    assert [label for label, _ in first[0].buttons] == ["Save 95 kg", "Cancel"]  # 95 lb is no closer to 80 kg
    second = await chat.say("/weight 100kg")
    assert "100 kg would be +20.0 kg since last time" in second[0].text and "Did you mean" not in second[0].text
    assert "Nothing was logged." in (await chat.press(second[0], "Cancel"))[0].text
    stale = await chat.press(first[0], "Save 95 kg")  # the older question's button, after a newer message
    assert "belongs to an older message, so nothing was changed" in stale[0].text
    logged = await chat.say("/weight 80.5")  # still measured from 80 kg: neither 95 nor 100 was saved
    assert "⚖️ Logged 80.5 kg. (+0.5 kg since last time)" in logged[0].text
