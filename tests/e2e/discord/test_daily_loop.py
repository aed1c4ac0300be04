"""The daily loop over Discord (real discord.py against the stand-in): quick add, export, meal types."""

from __future__ import annotations

from bots.discord.bot import WinStreakBot
from tests.e2e.discord.conftest import GUILD
from tests.e2e.discord.person import Person


async def test_quick_add_by_slash_command_then_save(bot: WinStreakBot) -> None:
    ada = Person(bot.standin)  # type: ignore[attr-defined]
    estimate = await ada.slash("add", "420 smoothie c=60")
    assert "smoothie" in estimate[0].text and "420 kcal" in estimate[0].text and "C 60 g" in estimate[0].text
    saved = await ada.press(estimate[0], "Save")
    assert "Saved 420 kcal" in saved[0].text
    today = await ada.say("!today")
    assert "smoothie" in today[0].text


async def test_a_meal_named_for_dinner_is_filed_under_dinner(bot: WinStreakBot) -> None:
    ada = Person(bot.standin)  # type: ignore[attr-defined]
    estimate = await ada.say("lasagne 700 kcal for dinner")
    saved = await ada.press(estimate[0], "Save")
    assert "🍽 Dinner · 700 kcal" in saved[0].text and "lasagne" in saved[0].text


async def test_meals_edit_by_button_then_save_replaces_the_meal(bot: WinStreakBot) -> None:
    ada = Person(bot.standin)  # type: ignore[attr-defined]
    estimate = await ada.say("soup 250 kcal")
    await ada.press(estimate[0], "Save")
    listing = await ada.slash("meals")
    labels = [label for label, _ in listing[0].buttons if "Move" not in label]  # Move: while yesterday is open
    assert labels == ["✏️ Edit 1", "🗑 Delete 1"]
    offered = await ada.press(listing[0], "✏️ Edit 1")
    assert "it replaces the meal of" in offered[0].text and "soup" in offered[0].text
    saved = await ada.press(offered[0], "Save")
    assert "Saved 250 kcal" in saved[0].text and saved[0].text.count("soup") == 1  # replaced, not doubled


async def test_personal_commands_and_meals_in_a_server_point_to_the_private_chat(bot: WinStreakBot) -> None:
    fay = Person(bot.standin, user_id=5009, name="Fay", channel_id=int(GUILD["channel_id"]), guild_id=GUILD["id"])  # type: ignore[attr-defined]
    today = await fay.say("!today")
    assert today[0].text.startswith("/today is personal: send it to me in a private chat")
    slash = await fay.slash("weight", "80")
    assert slash[0].text.startswith("/weight is personal") and "80" not in slash[0].text
    meal = await fay.say("!pizza 800 kcal")
    assert meal[0].text.startswith("I log meals in a private chat only") and "800" not in meal[0].text
    helped = await fay.say("!help")
    assert "/join" in helped[0].text


async def test_a_day_of_more_meals_than_five_button_rows_keeps_every_button(bot: WinStreakBot) -> None:
    """Discord takes 5 rows of buttons a message: the rows past them come on a follow-up message, not dropped."""
    ada = Person(bot.standin)  # type: ignore[attr-defined]
    for n in range(7):
        estimate = await ada.say(f"snack {n + 1} {100 + n} kcal")
        await ada.press(estimate[0], "Save")
    listing = await ada.slash("meals", expect=2)
    labels = [label for call in listing for label, _ in call.buttons]
    assert {f"🗑 Delete {n}" for n in range(1, 8)} <= set(labels), labels
    assert listing[1].text == "…" and any(label == "🗑 Delete 7" for label, _ in listing[1].buttons)
    deleted = await ada.press(listing[1], "🗑 Delete 7")
    assert "106" in deleted[0].text  # the seventh meal (106 kcal), reached through the second message
