"""Exercise of a day over Discord (real discord.py against the stand-in): the list's Edit and Delete buttons."""

from __future__ import annotations

import re

from bots.discord.bot import WinStreakBot
from tests.e2e.buttons import labels
from tests.e2e.discord.person import Person

PROFILE = "!profile sex=female born=1992 height=168 weight=64 activity=moderate goal=maintain tz=UTC"


async def test_list_then_delete_and_edit_by_buttons(bot: WinStreakBot) -> None:
    ada = Person(bot.standin, user_id=5021, name="Ada")  # type: ignore[attr-defined]
    await ada.say(PROFILE, expect=2)
    for text in ("walked for an hour", "30 min yoga"):
        await ada.press((await ada.say(text))[0], "Save")
    listing = (await ada.say("!exercise"))[0]
    assert "1. walking 60 min" in listing.text and "2. yoga 30 min" in listing.text
    assert labels(listing) == ["✏️ Edit 1", "🗑 Delete 1", "✏️ Edit 2", "🗑 Delete 2"]
    deleted, shorter = await ada.press(listing, "🗑 Delete 2", expect=2)
    assert "🗑 Deleted yoga 30 min" in deleted.text and "yoga" not in shorter.text
    hint = (await ada.press(shorter, "✏️ Edit 1"))[0]
    entry = re.findall(r"/exercise edit (\d+) 45 min", hint.text)[0]
    offered = (await ada.say(f"!exercise edit {entry} 30"))[0]
    assert "🏃 walking: 30 min" in offered.text and labels(offered) == ["Save", "Cancel"]
    changed, after = await ada.press(offered, "Save", expect=2)
    assert f"→ {round(2.5 * 64 / 2)} kcal." in changed.text and "1. walking 30 min" in after.text
