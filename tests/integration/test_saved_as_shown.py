"""A meal is saved with the kcal it was shown with, so the day's total is the sum of the meals listed.

The real conversation on SQLite with the offline estimator: items shown as whole kcal that add up (155 + 65 = 220
for 219.5) are saved as shown, and two such meals list as 220 + 258 under a day of 478, not 477.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bots.common.messages import Incoming, Reply
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import App, build_app
from winstreak.settings import load_settings

PROFILE = "/profile sex=female born=1990 height=165 weight=60 activity=light goal=maintain tz=UTC"
MEALS = ["2 eggs and a slice of toast", "a banana and a glass of milk", "half an avocado on toast", "a bagel"]


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[App]:
    settings = load_settings(data_dir=tmp_path, _env_file=None)  # SQLite in tmp_path, migrated, built-in foods
    wired = await build_app(settings, clock=FixedClock(datetime(2026, 5, 4, 12, 0, tzinfo=UTC)))
    await say(wired, PROFILE)
    try:
        yield wired
    finally:
        await wired.close()


async def say(app: App, text: str) -> str:
    replies: list[Reply] = await app.conversation.handle(Incoming("console", "ana", "ana", "Ana", text=text))
    return "\n".join(r.text for r in replies)


async def test_the_day_adds_up_to_the_meals_saved_as_they_were_shown(app: App) -> None:
    said = []
    for meal in MEALS:
        shown = await say(app, meal)
        total = int(re.search(r"Total: (\d+) kcal", shown).group(1))  # type: ignore[union-attr]
        items = [int(k) for k in re.findall(r"— (?:\d+ g, )?(\d+) kcal", shown)]
        assert sum(items) == total, shown
        saved = await say(app, "save")
        assert f"Saved {total} kcal." in saved
        said.append(total)
    today = await say(app, "/today")
    listed = [int(k) for k in re.findall(r"• \d\d:\d\d — (\d+) kcal", today)]
    assert sorted(listed) == sorted(said)
    assert today.splitlines()[1].startswith(f"{sum(said)} / ")  # the day's total is the sum of the meals
