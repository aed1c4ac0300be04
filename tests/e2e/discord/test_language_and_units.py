"""/start asks the language first (Discord's locale first) and the units; imperial users see lb and ft/in."""

from __future__ import annotations

from bots.discord.bot import WinStreakBot
from tests.e2e.discord.person import Person


async def test_a_french_locale_gets_francais_first_then_imperial_onboarding(bot: WinStreakBot) -> None:
    ada = Person(bot.standin)  # type: ignore[attr-defined]
    welcome, language = await ada.slash("start", locale="fr", expect=2)
    assert "Bienvenue sur WinStreak" in welcome.text
    assert [label for label, _ in language.buttons] == ["Français", "English"]
    units = (await ada.press(language, "English"))[0]
    assert "Which units" in units.text
    sex = (await ada.press(units, "Imperial (lb, ft/in)"))[0]
    assert "What is your sex?" in sex.text
    await ada.press(sex, "Female")
    height = (await ada.say("1990"))[0]
    assert "feet and inches like 5'11\"" in height.text
    assert "(lb, or kg like 80kg)" in (await ada.say("5'4\""))[0].text
    activity = (await ada.say("130"))[0]
    goal = (await ada.press(activity, "Light (exercise 1–3 days/week)"))[0]
    zone = (await ada.press(goal, "Maintain"))[0]
    done = await ada.press(zone, "UTC", expect=2)
    assert "Height: 5'4\"" in done[0].text and "Weight: 130 lb" in done[0].text and " kg" not in done[0].text
    logged = await ada.slash("weight", "128.5", expect=2)  # the weigh-in, then the new target
    assert "⚖️ Logged 128.5 lb. (−1.5 lb since last time)" in logged[0].text
