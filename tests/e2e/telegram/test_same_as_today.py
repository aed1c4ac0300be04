"""“same as this morning's breakfast” and “same as earlier today” over Telegram (real aiogram against the stand-in)."""

from __future__ import annotations

from tests.e2e.buttons import labels
from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI


async def test_same_as_this_mornings_breakfast_and_earlier_today(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=5101, user_id=5101)
    for text in ("for breakfast porridge 320 kcal", "for lunch soup 300 kcal"):  # typed: the real clock runs
        estimate = await chat.say(text)
        await chat.press(estimate[0], "Save")
    morning = await chat.say("same as this morning's breakfast")
    assert "🔁 The same again" in morning[0].text and "Total: 320 kcal" in morning[0].text
    assert "soup" not in morning[0].text and labels(morning[0])[:3] == ["Save", "Edit", "Cancel"]
    saved = await chat.press(morning[0], "Save")
    assert "Saved 320 kcal" in saved[0].text and "940 kcal" in saved[0].text
    earlier = await chat.say("same as earlier today")  # today's last meal: the breakfast just saved again
    assert "Total: 320 kcal" in earlier[0].text
    cancelled = await chat.press(earlier[0], "Cancel")
    assert "nothing was saved" in cancelled[0].text


async def test_pareil_que_ce_matin_without_a_breakfast_lists_todays_meals(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=5102, user_id=5102, language="fr")
    nothing = await chat.say("pareil que ce matin")
    assert "Vous n’avez noté aucun repas aujourd’hui." in nothing[0].text
    estimate = await chat.say("au dîner soupe 300 kcal")
    await chat.press(estimate[0], "Enregistrer")
    listed = await chat.say("pareil que ce matin")
    assert "Les repas d’aujourd’hui :" in listed[0].text and len(labels(listed[0])) == 1
    offered = await chat.press(listed[0], labels(listed[0])[0])
    assert "🔁 La même chose" in offered[0].text and "300 kcal" in offered[0].text
