"""Private chat end to end: the real aiogram client polling the stand-in Bot API, real SQLite."""

from __future__ import annotations

from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI


async def onboard(chat: Chat) -> None:
    calls = await chat.say("/start", expect=2)
    assert "Welcome to WinStreak, Ada" in calls[0].text
    assert [label for label, _ in calls[1].buttons] == ["English", "Français"]  # the platform's language first
    calls = await chat.press(calls[1], "English")
    sex = (await chat.press(calls[0], "Metric (kg, cm)"))[0]
    calls = await chat.press(sex, "Female")
    assert "year were you born" in calls[0].text
    assert await chat.say("1990")
    assert await chat.say("168")
    calls = await chat.say("64")
    calls = await chat.press(calls[0], "Moderate (3–5 days/week)")
    calls = await chat.press(calls[0], "Maintain")
    calls = await chat.press(calls[0], "UTC", expect=2)
    assert "All set!" in calls[0].text and "kcal" in calls[1].text


async def test_onboarding_with_buttons_then_a_meal_saved_and_shown_by_today(polling: StandInBotAPI) -> None:
    chat = Chat(polling)
    await onboard(chat)
    # the pressed choice replaced the keyboard of the question (editMessageText)
    edits = polling.sent(("editMessageText",))
    assert edits and "✔ English" in edits[0].text and any("✔ Female" in edit.text for edit in edits)
    calls = await chat.say("pizza 800 kcal, salad 150 kcal")
    estimate = calls[0]
    assert "950" in estimate.text
    # then 📅 Save for yesterday, while yesterday is open (before 03:00 on the real clock)
    assert [label for label, _ in estimate.buttons][:3] == ["Save", "Edit", "Cancel"]
    saved = await chat.press(estimate, "Save")
    assert "Saved 950 kcal" in saved[0].text
    today = await chat.say("/today")
    assert "pizza" in today[0].text and "950" in today[0].text
    answers = polling.sent(("answerCallbackQuery",))  # long polling: each of the 7 presses by a request
    assert len(answers) == 7 and not any(a.in_response for a in answers)


async def test_commands_are_registered_in_english_and_french(polling: StandInBotAPI) -> None:
    calls = polling.sent(("setMyCommands",))
    languages = {c.params.get("language_code") for c in calls}
    assert languages == {None, "fr"}
    french = next(c for c in calls if c.params.get("language_code") == "fr" and "private" in str(c.params["scope"]))
    descriptions = {c["command"]: c["description"] for c in french.params["commands"]}
    assert descriptions["today"] != "Today's progress" and "export" in descriptions
