"""Account commands over Telegram: /export, /deleteme, /link, /settings, /food."""

from __future__ import annotations

import io
import json
import zipfile

from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App


async def logged_meal(chat: Chat) -> None:
    estimate = await chat.say("soup 250 kcal")
    await chat.press(estimate[0], "Save")


async def test_export_sends_a_zip_of_json_and_csv_with_the_meals(polling: StandInBotAPI) -> None:
    chat = Chat(polling)
    await logged_meal(chat)
    calls = await chat.say("/export")
    assert calls[0].method == "sendDocument" and "1 meal," in calls[0].text and "0 weigh-ins" in calls[0].text
    archive = zipfile.ZipFile(io.BytesIO(calls[0].params["document"]))
    data = json.loads(archive.read("winstreak-export.json"))
    assert data["meals"][0]["items"][0]["name"] == "soup" and data["meals"][0]["items"][0]["kcal"] == 250
    assert data["profile"]["display_name"] == "Ada"
    assert {"profile.csv", "meals.csv", "meal_items.csv", "weights.csv", "day_results.csv"} <= set(archive.namelist())
    assert "soup" in archive.read("meal_items.csv").decode()


async def test_deleteme_asks_first_then_deletes_everything(polling: StandInBotAPI, wired: App) -> None:
    chat = Chat(polling)
    await logged_meal(chat)
    ask = await chat.say("/deleteme")
    assert "for good" in ask[0].text
    async with wired.uow() as uow:
        user = await uow.users.by_identity("telegram", "5001")
    assert user is not None
    done = await chat.press(ask[0], "Yes, delete everything")
    assert "everything about you is deleted" in done[0].text
    async with wired.uow() as uow:
        assert await uow.users.by_identity("telegram", "5001") is None
        assert await uow.users.get(user.id) is None
        assert await uow.meals.last(user.id) is None


async def test_link_joins_a_second_account_to_the_same_profile(polling: StandInBotAPI, wired: App) -> None:
    first, second = Chat(polling, 5001, 5001, name="Ada"), Chat(polling, 5002, 5002, name="Ada2")
    await logged_meal(first)
    code = (await first.say("/link"))[0].text.split("\n")[0].rsplit(" ", 1)[1]
    wrong = await second.say("/link ZZZZ2222")
    assert "unknown or expired" in wrong[0].text
    code_again = (await first.say("/link"))[0].text.split("\n")[0].rsplit(" ", 1)[1]
    assert code_again != code
    stale = await second.say(f"/link {code}")
    assert "unknown or expired" in stale[0].text  # a new code replaces the old one
    linked = await second.say(f"/link {code_again.lower()}")
    assert "Linked!" in linked[0].text
    async with wired.uow() as uow:
        one = await uow.users.by_identity("telegram", "5001")
        two = await uow.users.by_identity("telegram", "5002")
    assert one is not None and two is not None and one.id == two.id
    today = await second.say("/today")
    assert "soup" in today[0].text
    reused = await second.say(f"/link {code_again}")
    assert "unknown or expired" in reused[0].text


async def test_settings_switches_the_language(polling: StandInBotAPI) -> None:
    chat = Chat(polling)
    menu = await chat.say("/settings")
    changed = await chat.press(menu[0], "Français")
    assert changed[0].text == "Langue : français."
    again = await chat.say("/settings")
    assert again[0].text.startswith("Réglages")


async def test_food_search_pick_and_portion_then_save(with_catalog: StandInBotAPI) -> None:
    chat = Chat(with_catalog)
    results = await chat.say("/food egg")
    labels = [label for label, _ in results[0].buttons]
    assert labels and labels[0].startswith("egg")
    amounts = await chat.press(results[0], labels[0])
    portion = next(label for label, _ in amounts[0].buttons if label.startswith("1 medium"))
    estimate = await chat.press(amounts[0], portion)
    assert "44 g" in estimate[0].text and "63 kcal" in estimate[0].text
    saved = await chat.press(estimate[0], "Save")
    assert "Saved 63 kcal" in saved[0].text


async def test_food_without_a_catalog_says_so(polling: StandInBotAPI) -> None:
    calls = await Chat(polling).say("/food egg")
    assert "not available" in calls[0].text
