"""Moving a meal between open days and "Save for yesterday" through discord.py, at a fixed hour (01:30 UTC)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bots.discord.bot import WinStreakBot
from tests.e2e.discord.person import Person
from tests.fakes.memory import FixedClock

STALE = "That button belongs to an older message, so nothing was changed. Use the newest one."


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 6, 2, 1, 30, tzinfo=UTC))  # June 1 (UTC) stays open until 03:00


async def test_save_for_yesterday_then_move_it_back_to_today(bot: WinStreakBot, clock: FixedClock) -> None:
    ada = Person(bot.standin)  # type: ignore[attr-defined]
    old = (await ada.say("soup 250 kcal"))[0]
    assert [label for label, _ in old.buttons] == ["Save", "Edit", "Cancel", "📅 Save for yesterday"]
    new = (await ada.say("soup 300 kcal", expect=2))[1]
    assert (await ada.press(old, "📅 Save for yesterday"))[0].text == STALE
    saved = (await ada.press(new, "📅 Save for yesterday"))[0]
    assert "✅ Saved 300 kcal." in saved.text and "📅 2026-06-01" in saved.text
    listing = (await ada.slash("meals", "yesterday"))[0]
    assert [label for label, _ in listing.buttons] == ["✏️ Edit 1", "🗑 Delete 1", "📅 Move 1"]
    moved, today = await ada.press(listing, "📅 Move 1", expect=2)
    assert "📅 Moved 300 kcal (soup) from 2026-06-01 to 2026-06-02." in moved.text
    assert "📅 Meals of 2026-06-02: 300 kcal" in today.text
    clock.current = datetime(2026, 6, 2, 3, 5, tzinfo=UTC)  # June 1 has closed: it is final
    later = (await ada.say("bread 150 kcal"))[0]
    assert [label for label, _ in later.buttons] == ["Save", "Edit", "Cancel"]
    assert [label for label, _ in (await ada.slash("meals"))[0].buttons] == ["✏️ Edit 1", "🗑 Delete 1"]
