"""Exercise of an open day through aiogram, at a fixed hour (01:30 UTC): the list's Edit and Delete buttons,
"yesterday I ran 5 km" while yesterday is open, and nothing after its close-out."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tests.e2e.buttons import labels
from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI
from tests.fakes.memory import FixedClock

PROFILE = "/profile sex=male born=1985 height=180 weight=80 activity=light goal=maintain tz=UTC"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 6, 2, 1, 30, tzinfo=UTC))  # June 1 (UTC) stays open until 03:00


async def test_buttons_delete_and_edit_and_yesterday_closes(polling: StandInBotAPI, clock: FixedClock) -> None:
    chat = Chat(polling)
    await chat.say(PROFILE, expect=2)
    for text in ("I ran 5 km", "30 min cycling"):
        await chat.press((await chat.say(text))[0], "Save")
    listing = (await chat.say("/exercise"))[0]
    assert "🏃 Exercise of 2026-06-02:" in listing.text and "2. cycling 30 min" in listing.text
    assert labels(listing) == ["✏️ Edit 1", "🗑 Delete 1", "✏️ Edit 2", "🗑 Delete 2"]
    deleted, shorter = await chat.press(listing, "🗑 Delete 2", expect=2)
    assert "🗑 Deleted cycling 30 min" in deleted.text and labels(shorter) == ["✏️ Edit 1", "🗑 Delete 1"]
    stale = (await chat.press(listing, "🗑 Delete 1"))[0]  # the older list's button
    assert "That button belongs to an older message" in stale.text
    hint = (await chat.press(shorter, "✏️ Edit 1"))[0]
    entry = re.findall(r"/exercise edit (\d+) 45 min", hint.text)[0]
    offered = (await chat.say(f"/exercise edit {entry} 45 min"))[0]
    assert "Save replaces the exercise of 2026-06-02." in offered.text and labels(offered) == ["Save", "Cancel"]
    changed, after = await chat.press(offered, "Save", expect=2)
    assert f"→ {round(7.0 * 80 * 0.75)} kcal." in changed.text and "1. running 45 min" in after.text

    yesterday = (await chat.say("yesterday I ran 5 km"))[0]
    assert "📅 For 2026-06-01." in yesterday.text
    saved, june_1 = await chat.press(yesterday, "Save", expect=2)
    assert "kcal, for 2026-06-01." in saved.text and "🏃 Exercise of 2026-06-01:" in june_1.text
    assert labels(june_1) == ["✏️ Edit 1", "🗑 Delete 1"]
    clock.current = datetime(2026, 6, 2, 3, 5, tzinfo=UTC)  # June 1 has closed: it is final
    refused = (await chat.press(june_1, "🗑 Delete 1"))[0]
    assert "That exercise is no longer there" in refused.text
    closed = (await chat.say("/exercise yesterday"))[0]
    assert "This day is closed" in closed.text and "1. running 33 min" in closed.text and not labels(closed)
