"""The daily loop in the terminal chat (real conversation, real SQLite file): quick add, export, meal types."""

import zipfile
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


async def test_export_writes_a_zip_in_the_data_directory_and_prints_its_path(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    text = await chat([PROFILE, "/add 250 soup", "1", "/weight 61", "/export", "/export"], tmp_path, clock)
    assert "1 meal, 1 weigh-in," in text
    paths = [Path(line.split(": ", 1)[1]) for line in text.splitlines() if line.startswith("📦 saved file: ")]
    assert len(paths) == 2 and paths[0] != paths[1]  # the same second twice: the second file gets its own name
    assert all(p.parent == tmp_path / "exports" and p.is_file() for p in paths)
    archive = zipfile.ZipFile(paths[0])
    assert "soup" in archive.read("meal_items.csv").decode() and "61" in archive.read("weights.csv").decode()


async def test_today_groups_by_meal_type_from_words_or_the_local_time(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))  # 12:00 in Paris: lunch time
    lines = [PROFILE, "pour le petit-déjeuner : croissant 230 kcal", "1", "salad 400 kcal", "1", "/today"]
    today = (await chat(lines, tmp_path, clock)).rsplit("you> /today", 1)[1]
    assert "🍳 Breakfast · 230 kcal\n• 12:00 — 230 kcal: croissant" in today
    assert "🥗 Lunch · 400 kcal\n• 12:00 — 400 kcal: salad" in today
