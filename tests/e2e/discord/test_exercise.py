"""Exercise over Discord (real discord.py against the stand-in): free text, Save, /today, the setting."""

from __future__ import annotations

import re

from bots.discord.bot import WinStreakBot
from tests.e2e.discord.person import Person

PROFILE = "!profile sex=female born=1992 height=168 weight=64 activity=moderate goal=maintain tz=UTC"


async def test_exercise_by_message_then_save_and_today(bot: WinStreakBot) -> None:
    ada = Person(bot.standin)  # type: ignore[attr-defined]
    await ada.say(PROFILE, expect=2)
    estimate = await ada.say("walked for an hour")
    assert "🏃 walking: 60 min" in estimate[0].text and [label for label, _ in estimate[0].buttons] == [
        "Save",
        "Cancel",
    ]
    burned = int(re.findall(r"about (\d+) kcal burned", estimate[0].text)[0])
    assert burned == round(2.5 * 64)  # (MET 3.5 − 1) × 64 kg × 1 h
    saved = await ada.press(estimate[0], "Save")
    assert f"✅ Saved walking: {burned} kcal." in saved[0].text
    turned = await ada.say("!settings exercise on")
    assert "Exercise raises the day's budget: on" in turned[0].text
    today = await ada.say("!today")
    assert f"🏃 Exercise today: walking 60 min ({burned} kcal)" in today[0].text
    assert "It adds" in today[0].text


async def test_exercise_by_slash_command_and_in_french(bot: WinStreakBot) -> None:
    bea = Person(bot.standin, user_id=5011, name="Bea")  # type: ignore[attr-defined]
    await bea.say(PROFILE + " lang=fr", expect=2)
    estimate = await bea.say("j'ai couru 5 km")
    assert "🏃 course à pied : 33 min" in estimate[0].text
    assert [label for label, _ in estimate[0].buttons] == ["Enregistrer", "Annuler"]
    slashed = await bea.slash("exercise", "45 min de natation")
    assert "🏃 natation : 45 min" in slashed[0].text
    assert "(L'activité précédente non enregistrée a été abandonnée.)" in slashed[0].text
