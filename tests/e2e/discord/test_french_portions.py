"""/food portion buttons in the user's language over Discord (real discord.py against the stand-in, catalogue wired)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bots.discord.bot import WinStreakBot
from core.food.portion_names import french_portion
from storage.builtin_foods import load_builtin_rows
from tests.e2e.buttons import labels
from tests.e2e.discord.conftest import app_on
from tests.e2e.discord.person import Person
from winstreak.bootstrap import App


@pytest.fixture
async def wired(sqlite_url: str, tmp_path: Path) -> AsyncIterator[App]:
    """The wired app with the food catalogue, so /food finds real foods with their portions."""
    async with app_on(sqlite_url, tmp_path, migrate=True) as app:
        yield app


async def test_a_french_user_picks_a_portion_named_in_french(bot: WinStreakBot) -> None:
    food = next(row.food for row in load_builtin_rows(with_extra=False) if row.food.id == "builtin:banana")
    first = food.portions[0]
    label = f"{french_portion(first.name)} ({first.grams:g} g)"
    assert french_portion(first.name) not in (None, first.name)
    zoe = Person(bot.standin)  # type: ignore[attr-defined]
    await zoe.say("!profile lang=fr", expect=2)
    picked = await zoe.say("!food #builtin:banana")
    assert label in labels(picked[0]) and not any(b.startswith(f"{first.name} (") for b in labels(picked[0]))
    estimate = await zoe.press(picked[0], label)
    assert f"— {first.grams:.0f} g" in estimate[0].text and "Enregistrer" in labels(estimate[0])
