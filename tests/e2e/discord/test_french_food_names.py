"""Food names in the user's language over Discord (real discord.py against the stand-in), with the food catalogue.

The app here is wired with its catalogue (built-in foods seeded) and the offline estimator, not the stated-kcal
fake of the other Discord tests, so real foods are matched; the names asserted are the food table's own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bots.discord.bot import WinStreakBot
from storage.builtin_foods import load_builtin_rows
from tests.e2e.discord.conftest import app_on
from tests.e2e.discord.person import Person
from winstreak.bootstrap import App


@pytest.fixture
async def wired(sqlite_url: str, tmp_path: Path) -> AsyncIterator[App]:
    """The wired app with the food catalogue, so the estimator names real foods."""
    async with app_on(sqlite_url, tmp_path, migrate=True) as app:
        yield app


async def test_a_french_user_sees_the_foods_in_french_then_english_after_a_switch(bot: WinStreakBot) -> None:
    banane = next(row.name_fr for row in load_builtin_rows(with_extra=False) if row.food.id == "builtin:banana")
    zoe = Person(bot.standin)  # type: ignore[attr-defined]
    await zoe.say("!profile lang=fr", expect=2)  # the profile, then what it still lacks
    estimate = await zoe.say("une banane")
    assert f" {banane} — " in estimate[0].text and "banana" not in estimate[0].text
    saved = await zoe.press(estimate[0], "Enregistrer")
    assert f": {banane}" in saved[0].text
    await zoe.say("!profile lang=en", expect=2)
    today = await zoe.say("!today")
    assert ": banana" in today[0].text and banane not in today[0].text
