"""The daily loop over Discord (real discord.py against the stand-in): quick add, export, meal types."""

from __future__ import annotations

from bots.discord.bot import WinStreakBot
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
