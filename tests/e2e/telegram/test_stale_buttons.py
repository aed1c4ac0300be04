"""Buttons bound to their message, through the real aiogram client and the stand-in Bot API.

Old buttons are pressed after newer ones were shown: each press is answered as stale and changes nothing.
"""

from __future__ import annotations

import dataclasses

import pytest

from bots.common.conversation import STALE
from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App


@pytest.fixture(autouse=True)
def operator(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ada (telegram:5001) is an operator in these tests."""
    monkeypatch.setenv("WINSTREAK_ADMINS", "telegram:5001")


PROFILE = "/profile sex=female born=1990 height=168 weight=64 activity=moderate goal=maintain tz=UTC"


async def meals_of(app: App, external_id: str = "5001") -> list[str]:
    async with app.uow() as uow:
        user = await uow.users.by_identity("telegram", external_id)
        assert user is not None
        meal = await uow.meals.last(user.id)
    return [] if meal is None else [item.name for item in meal.items]


async def test_old_estimate_buttons_are_stale_after_a_newer_estimate(polling: StandInBotAPI, wired: App) -> None:
    chat = Chat(polling)
    await chat.say(PROFILE, expect=2)
    pizza = (await chat.say("pizza 800 kcal"))[0]
    apple = await chat.say("apple 52 kcal", expect=2)  # "(previous estimate discarded)", then the estimate
    assert "discarded" in apple[0].text
    for label in ("Save", "Edit", "Cancel"):
        stale = await chat.press(pizza, label)
        assert stale[0].text == STALE
    assert await meals_of(wired) == []  # the old Save stored nothing, the old Cancel dropped nothing
    pizza_id = pizza.result["message_id"]
    ticks = [c for c in polling.calls if c.method == "editMessageText" and c.params["message_id"] == str(pizza_id)]
    assert ticks == []  # the old message is not ticked "✔ Save": it only lost its keyboard
    assert any(c.method == "editMessageReplyMarkup" for c in polling.calls)
    saved = await chat.press(apple[1], "Save")
    assert "Saved 52 kcal" in saved[0].text
    apple_id = str(apple[1].result["message_id"])
    assert any(c.method == "editMessageText" and c.params["message_id"] == apple_id for c in polling.calls)
    assert await meals_of(wired) == ["apple"]
    again = await chat.press(apple[1], "Save")  # pressed twice (a second device): nothing doubles
    assert again[0].text == STALE
    today = await chat.say("/today")
    assert "52" in today[0].text and "800" not in today[0].text


async def test_edit_makes_the_estimate_buttons_shown_before_it_stale(polling: StandInBotAPI, wired: App) -> None:
    chat = Chat(polling)
    await chat.say(PROFILE, expect=2)
    estimate = (await chat.say("rice 300 kcal, beans 200 kcal"))[0]
    edit = (await chat.press(estimate, "Edit"))[0]
    assert [label for label, _ in edit.buttons] == ["Save", "Edit", "Cancel"]
    changed = (await chat.say("remove 2"))[0]
    assert "300" in changed.text
    assert (await chat.press(edit, "Save"))[0].text == STALE  # the buttons of the edit help are older
    assert await meals_of(wired) == []
    assert "Saved 300 kcal" in (await chat.press(changed, "Save"))[0].text


async def test_a_stale_onboarding_button_says_so_and_changes_nothing(polling: StandInBotAPI, wired: App) -> None:
    chat = Chat(polling)
    language = (await chat.say("/start", expect=2))[1]
    units = (await chat.press(language, "English"))[0]
    question = (await chat.press(units, "Metric (kg, cm)"))[0]
    assert "sex" in question.text
    await chat.press(question, "Female")
    stale = await chat.press(question, "Male")
    assert stale[0].text == STALE
    async with wired.uow() as uow:
        user = await uow.users.by_identity("telegram", "5001")
    assert user is not None and user.profile.sex is not None and user.profile.sex.value == "female"


async def test_an_older_deleteme_confirmation_deletes_nothing(polling: StandInBotAPI, wired: App) -> None:
    chat = Chat(polling)
    first = (await chat.say("/deleteme"))[0]
    second = (await chat.say("/deleteme"))[0]
    assert (await chat.press(first, "Yes, delete everything"))[0].text == STALE
    async with wired.uow() as uow:
        assert await uow.users.by_identity("telegram", "5001") is not None
    done = await chat.press(second, "Yes, delete everything")
    assert "everything about you is deleted" in done[0].text


async def test_forged_callback_data_is_refused(polling: StandInBotAPI, wired: App) -> None:
    chat = Chat(polling)
    estimate = (await chat.say("soup 250 kcal"))[0]
    value = dict(estimate.buttons)["Save"]
    assert value.startswith("save|")
    for forged in ("save", "save|AAAAAA", "/deleteme confirm", "/deleteme confirm|xxxxxx", "|", "x" * 64):
        forged_call = dataclasses.replace(estimate, params={**estimate.params, "reply_markup": _markup(forged)})
        assert (await chat.press(forged_call, "Forged"))[0].text == STALE
    async with wired.uow() as uow:
        user = await uow.users.by_identity("telegram", "5001")
    assert user is not None and await meals_of(wired) == []


def _markup(data: str) -> dict[str, object]:
    return {"inline_keyboard": [[{"text": "Forged", "callback_data": data}]]}


async def test_old_food_choices_are_stale_after_a_new_search(with_catalog: StandInBotAPI) -> None:
    chat = Chat(with_catalog)
    first = (await chat.say("/food egg"))[0]
    second = (await chat.say("/food egg"))[0]
    label = first.buttons[0][0]
    assert (await chat.press(first, label))[0].text == STALE
    amounts = (await chat.press(second, label))[0]
    assert "How much?" in amounts.text


async def test_admin_in_a_group_points_an_operator_to_a_private_chat(polling: StandInBotAPI) -> None:
    operator = Chat(polling, chat_id=-4001, user_id=5001, kind="group", title="Gym")
    assert (await operator.say("/admin stats"))[0].text == "Use /admin in a private chat with me."
