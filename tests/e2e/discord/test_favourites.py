"""Recents and favourites over Discord (real discord.py against the stand-in): buttons, slash commands, no AI."""

from __future__ import annotations

from bots.discord.bot import WinStreakBot
from tests.e2e.buttons import labels
from tests.e2e.discord.person import Person
from tests.fakes.recording_estimator import RecordingEstimator


async def test_favourite_by_button_and_by_slash_command(bot: WinStreakBot) -> None:
    ada = Person(bot.standin)  # type: ignore[attr-defined]
    estimate = await ada.say("lasagne 700 kcal")
    saved = await ada.press(estimate[0], "Save")
    assert labels(saved[0]) == ["⭐ Add to favourites"]
    kept = await ada.slash("fav", "save Sunday lasagne")
    assert "Kept as the favourite “Sunday lasagne” (700 kcal)" in kept[0].text
    listing = await ada.slash("fav")
    assert "• Sunday lasagne — 700 kcal" in listing[0].text and labels(listing[0]) == ["⭐ Sunday lasagne"]
    offered = await ada.press(listing[0], "⭐ Sunday lasagne")
    assert "Total: 700 kcal" in offered[0].text and labels(offered[0])[:3] == ["Save", "Edit", "Cancel"]
    again = await ada.press(offered[0], "Save")
    assert "Saved 700 kcal" in again[0].text and "1400 kcal" in again[0].text
    renamed = await ada.say("!fav save SUNDAY LASAGNE")  # the same meal under a new spelling: renamed, not doubled
    assert "“Sunday lasagne” is now called “SUNDAY LASAGNE”" in renamed[0].text
    assert labels(renamed[0]) == ["⭐ SUNDAY LASAGNE"]


async def test_recents_and_same_as_yesterday_never_call_the_estimator(
    bot: WinStreakBot, estimator: RecordingEstimator
) -> None:
    bo = Person(bot.standin, user_id=5002, name="Bo", channel_id=6002)  # type: ignore[attr-defined]
    for text in ("soup 250 kcal", "bread 150 kcal", "soup 250 kcal"):
        estimate = await bo.say(text)
        await bo.press(estimate[0], "Save")
    estimator.fail_next_text = 5  # any estimate now would fail: repeats are built from the stored items
    today = await bo.say("!today")
    assert labels(today[0]) == ["🔁 soup · 250 kcal", "🔁 bread · 150 kcal"]  # eaten twice comes first
    offered = await bo.press(today[0], "🔁 bread · 150 kcal")
    assert "The same again" in offered[0].text and "Total: 150 kcal" in offered[0].text
    saved = await bo.press(offered[0], "Save")
    assert "Saved 150 kcal" in saved[0].text and "800 kcal" in saved[0].text
    recents = await bo.slash("again")
    assert labels(recents[0]) == ["🔁 bread · 150 kcal", "🔁 soup · 250 kcal"]  # both twice now: the newer first
    typed = await bo.say("same again")
    assert "Total: 150 kcal" in typed[0].text
    assert estimator.fail_next_text == 5
