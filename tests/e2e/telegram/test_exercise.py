"""Exercise over Telegram (real aiogram against the stand-in): free text and /exercise, Save / Cancel buttons,
/today and ``/settings exercise on``."""

from __future__ import annotations

import re

from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI

PROFILE = "/profile sex=male born=1985 height=180 weight=80 activity=light goal=maintain tz=UTC"


async def test_exercise_is_estimated_then_saved_only_on_save_and_shown_in_today(polling: StandInBotAPI) -> None:
    chat = Chat(polling)
    await chat.say(PROFILE, expect=2)
    estimate = await chat.say("I ran 5 km")
    assert "🏃 running: 33 min" in estimate[0].text and "Compendium code 12150" in estimate[0].text
    assert [label for label, _ in estimate[0].buttons] == ["Save", "Cancel"]
    burned = int(re.findall(r"about (\d+) kcal burned", estimate[0].text)[0])
    assert burned == round(7.0 * 80 * 5 / 9)
    before = await chat.say("/today")
    assert "Exercise today" not in before[0].text
    saved = await chat.press(estimate[0], "Save")
    assert f"✅ Saved running: {burned} kcal." in saved[0].text
    cancelled = await chat.say("/exercise 45 min swimming")
    assert "swimming: 45 min" in cancelled[0].text
    assert "Cancelled" in (await chat.press(cancelled[0], "Cancel"))[0].text
    today = await chat.say("/today")
    assert f"🏃 Exercise today: running 33 min ({burned} kcal) — {burned} kcal" in today[0].text
    assert "swimming" not in today[0].text
    undone = await chat.say("/exercise undo")
    assert f"↩️ Removed running 33 min ({burned} kcal)." in undone[0].text
    assert "There is no exercise today to remove." in (await chat.say("/exercise undo"))[0].text
    assert "Exercise today" not in (await chat.say("/today"))[0].text


async def test_the_setting_makes_exercise_raise_the_budget(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=5002, user_id=5002, name="Bo")
    await chat.say(PROFILE, expect=2)
    card = await chat.say("/settings")
    assert "Exercise raises the day's budget: off" in card[0].text
    turned = await chat.press(card[0], "Exercise: raise the budget")
    assert "Exercise raises the day's budget: on" in turned[0].text
    estimate = await chat.say("30 min cycling")
    saved = await chat.press(estimate[0], "Save")
    assert "It adds" in saved[0].text and "to today's budget" in saved[0].text
    meal = await chat.say("I ran out of milk so I had toast")  # a meal, not exercise
    assert "🏃" not in meal[0].text and "/exercise" not in str(meal[0].buttons)  # the meal estimator answered


async def test_exercise_is_in_the_command_menu_in_both_languages(polling: StandInBotAPI) -> None:
    calls = [c for c in polling.sent(("setMyCommands",)) if "private" in str(c.params["scope"])]
    menus = {c.params.get("language_code"): {m["command"]: m["description"] for m in c.params["commands"]}
             for c in calls}  # fmt: skip
    assert menus[None]["exercise"] == "Log exercise, e.g. 30 min cycling"
    assert menus["fr"]["exercise"] == "Noter une activité, par ex. 30 min de vélo"


async def test_edit_then_the_new_time_typed_changes_the_exercise(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=5003, user_id=5003, name="Cy")
    await chat.say(PROFILE, expect=2)
    await chat.press((await chat.say("I ran 5 km"))[0], "Save")
    listing = await chat.say("/exercise")
    asked = await chat.press(listing[0], "✏️ Edit 1")
    assert "Type the new time or distance of running" in asked[0].text
    offered = await chat.say("45 min")  # was read as a meal: "I could not find any food I know in that"
    assert "🏃 running: 45 min" in offered[0].text and "Save replaces the exercise of" in offered[0].text
    changed = await chat.press(offered[0], "Save", expect=2)  # the change, then the day's exercises
    assert "✏️ Changed running:" in changed[0].text and "1. running 45 min" in changed[-1].text
