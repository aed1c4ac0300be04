"""The daily loop in the terminal chat (real conversation, real SQLite file): quick add, export, meal types."""

from datetime import UTC, datetime
from pathlib import Path

from tests.e2e.test_console_chat import chat
from tests.fakes.memory import FixedClock

PROFILE = "/profile sex=female born=1990 height=165 weight=60 activity=light goal=maintain tz=Europe/Paris"


async def test_quick_add_then_save_by_number(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    text = await chat([PROFILE, "/add 250", "/add 300 yogurt p=10", "1", "/today"], tmp_path, clock)
    assert "1. Quick add — 250 kcal" in text
    assert "(The previous unsaved estimate was discarded.)" in text
    assert "✅ Saved 300 kcal." in text and "yogurt" in text.rsplit("you> /today", 1)[1]
    assert "Quick add" not in text.rsplit("you> /today", 1)[1]
