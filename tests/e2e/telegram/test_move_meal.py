"""Moving a meal between open days and "Save for yesterday" through aiogram, at a fixed hour (01:30 UTC)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.e2e.buttons import labels
from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI
from tests.fakes.memory import FixedClock

STALE = "That button belongs to an older message, so nothing was changed. Use the newest one."


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 6, 2, 1, 30, tzinfo=UTC))  # June 1 (UTC) stays open until 03:00


async def test_save_for_yesterday_and_an_older_estimates_button_is_refused(polling: StandInBotAPI) -> None:
    chat = Chat(polling)
    old = (await chat.say("soup 250 kcal"))[0]
    assert labels(old) == ["Save", "Edit", "Cancel", "📅 Save for yesterday"]
    discarded, new = await chat.say("bread 150 kcal", expect=2)
    assert "previous unsaved estimate was discarded" in discarded.text
    assert (await chat.press(old, "📅 Save for yesterday"))[0].text == STALE
    saved = (await chat.press(new, "📅 Save for yesterday"))[0]
    assert "✅ Saved 150 kcal." in saved.text and "📅 2026-06-01" in saved.text
    yesterday = (await chat.say("/meals yesterday"))[0]
    assert "bread" in yesterday.text and "soup" not in yesterday.text
    assert "No meals yet today." in (await chat.say("/today"))[0].text


async def test_a_meal_moves_by_button_and_nothing_moves_after_the_close_out(
    polling: StandInBotAPI, clock: FixedClock
) -> None:
    chat = Chat(polling)
    await chat.press((await chat.say("soup 250 kcal"))[0], "Save")
    listing = (await chat.say("/meals"))[0]
    assert labels(listing) == ["✏️ Edit 1", "🗑 Delete 1", "📅 Move 1"]
    moved, june_1 = await chat.press(listing, "📅 Move 1", expect=2)
    assert "📅 Moved 250 kcal (soup) from 2026-06-02 to 2026-06-01." in moved.text
    assert "📅 Meals of 2026-06-01: 250 kcal" in june_1.text
    back, june_2 = await chat.press(june_1, "📅 Move 1", expect=2)
    assert "from 2026-06-01 to 2026-06-02" in back.text and "Meals of 2026-06-02: 250 kcal" in june_2.text
    clock.current = datetime(2026, 6, 2, 3, 5, tzinfo=UTC)  # June 1 has closed: it is final
    assert labels((await chat.say("/meals"))[0]) == ["✏️ Edit 1", "🗑 Delete 1"]
    refused = (await chat.say("/meals move 1 yesterday"))[0]  # item 1 of the list just shown: the soup
    assert refused.text.startswith("2026-06-01 is closed: after its close-out a day is final")
    missing = (await chat.say("/meals move 2 yesterday"))[0]
    assert missing.text.startswith("There is no meal 2 in the list of 2026-06-02, so nothing was changed.")


async def test_an_older_lists_button_acts_on_its_own_meal_and_typed_numbers_on_the_last_list(
    polling: StandInBotAPI,
) -> None:
    chat = Chat(polling)
    await chat.press((await chat.say("soup 250 kcal"))[0], "Save")
    await chat.press((await chat.say("bread 150 kcal"))[0], "Save")
    today = (await chat.say("/meals"))[0]
    assert "No meals logged that day." in (await chat.say("/meals yesterday"))[0].text  # now the last list shown
    deleted, listing = await chat.press(today, "🗑 Delete 2", expect=2)  # the button carries the bread's own id
    assert deleted.text == "🗑 Deleted 150 kcal (bread)." and "soup" in listing.text and "bread" not in listing.text
    typed = (await chat.say("/meals delete 1", expect=2))[0]  # item 1 of the list just re-shown: the soup
    assert typed.text == "Meal 1 of the list of 2026-06-02:\n🗑 Deleted 250 kcal (soup)."
