"""Direct messages end to end: the real discord.py client on the stand-in gateway and REST API, real SQLite."""

from __future__ import annotations

from bots.discord.bot import WinStreakBot
from tests.e2e.discord.person import Person
from tests.e2e.discord.standin import StandInDiscord


async def onboard(ada: Person) -> None:
    calls = await ada.say("!start", expect=2)
    assert "Welcome to WinStreak, Ada" in calls[0].text
    assert [label for label, _ in calls[1].buttons] == ["English", "Français"]  # the platform's language first
    calls = await ada.press(calls[1], "English")
    calls = await ada.press(calls[0], "Metric (kg, cm)")
    calls = await ada.press(calls[0], "Female")
    assert "year were you born" in calls[0].text
    assert await ada.say("1990")
    assert await ada.say("168")
    calls = await ada.say("64")
    calls = await ada.press(calls[0], "Moderate (3–5 days/week)")
    calls = await ada.press(calls[0], "Maintain")
    calls = await ada.press(calls[0], "UTC", expect=2)
    assert "All set!" in calls[0].text and "kcal" in calls[1].text


async def test_onboarding_by_buttons_then_a_meal_saved_and_shown_by_today(bot: WinStreakBot) -> None:
    api: StandInDiscord = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    await onboard(ada)
    # each click was acknowledged by editing its message: buttons gone, the choice shown
    edits = [c.payload for c in api.requests(r"POST /api/v10/interactions/") if c.payload.get("type") == 7]
    assert edits and "✔ English" in edits[0]["data"]["content"] and edits[0]["data"]["components"] == []
    assert any("✔ Female" in edit["data"]["content"] for edit in edits)
    calls = await ada.say("pizza 800 kcal, salad 150 kcal")
    estimate = calls[0]
    assert "950" in estimate.text
    # then 📅 Save for yesterday, while yesterday is open (before 03:00 on the real clock)
    assert [label for label, _ in estimate.buttons][:3] == ["Save", "Edit", "Cancel"]
    assert api.requests(r"POST /api/v10/channels/6001/typing")
    saved = await ada.press(estimate, "Save")
    assert "Saved 950 kcal" in saved[0].text
    today = await ada.say("/today")
    assert "pizza" in today[0].text and "950" in today[0].text
