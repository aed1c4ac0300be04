"""Recents and favourites over Telegram (real aiogram against the stand-in): one-tap buttons, bound to their message."""

from __future__ import annotations

from tests.e2e.buttons import labels
from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI


async def test_a_saved_meal_becomes_a_favourite_and_is_logged_again_with_taps(polling: StandInBotAPI) -> None:
    chat = Chat(polling)
    estimate = await chat.say("soup 250 kcal")
    saved = await chat.press(estimate[0], "Save")
    assert "Saved 250 kcal" in saved[0].text and labels(saved[0]) == ["⭐ Add to favourites"]
    kept = await chat.press(saved[0], "⭐ Add to favourites")
    assert "Kept as the favourite “soup” (250 kcal)" in kept[0].text and labels(kept[0]) == ["⭐ soup"]
    offered = await chat.press(kept[0], "⭐ soup")
    assert "⭐ soup: Save logs it for today." in offered[0].text and labels(offered[0])[:3] == [
        "Save",
        "Edit",
        "Cancel",
    ]
    again = await chat.press(offered[0], "Save")
    assert "Saved 250 kcal" in again[0].text and "500 kcal" in again[0].text
    listing = await chat.say("/fav")
    assert "• soup — 250 kcal" in listing[0].text and labels(listing[0]) == ["⭐ soup"]
    stale = await chat.press(saved[0], "⭐ Add to favourites")  # an older message's ⭐: the list is newer
    assert "That button belongs to an older message" in stale[0].text
    gone = await chat.say("/fav delete soup", expect=2)
    assert "Deleted the favourite “soup”" in gone[0].text and "You have no favourites yet" in gone[1].text


async def test_today_offers_recent_meals_and_again_repeats_the_last_one(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=5002, user_id=5002)
    for text in ("soup 250 kcal", "bread 150 kcal"):
        estimate = await chat.say(text)
        await chat.press(estimate[0], "Save")
    today = await chat.say("/today")
    assert "🔁 Tap a meal to log it again:" in today[0].text
    assert labels(today[0]) == ["🔁 bread · 150 kcal", "🔁 soup · 250 kcal"]
    offered = await chat.press(today[0], "🔁 soup · 250 kcal")
    assert "The same again" in offered[0].text and "Total: 250 kcal" in offered[0].text
    cancelled = await chat.press(offered[0], "Cancel")
    assert "nothing was saved" in cancelled[0].text
    typed = await chat.say("again")
    assert "The same again" in typed[0].text and "Total: 150 kcal" in typed[0].text
    saved = await chat.press(typed[0], "Save")
    assert "Saved 150 kcal" in saved[0].text and "550 kcal" in saved[0].text


async def test_french_replies(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=5003, user_id=5003, language="fr")
    none = await chat.say("/fav")
    assert "Vous n’avez pas encore de favoris" in none[0].text
    nothing = await chat.say("/again")
    assert "Vous n’avez encore aucun repas enregistré à refaire" in nothing[0].text
