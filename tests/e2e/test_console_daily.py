"""The daily loop in the terminal chat (real conversation, real SQLite file): quick add, export, meal types."""

import zipfile
from datetime import UTC, datetime
from pathlib import Path

from tests.e2e.console_driver import chat, chat_with_news
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


async def test_yesterday_takes_meals_until_its_close_out_then_is_final(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))  # 01:30 on June 2 in Paris: June 1 still open
    lines = [PROFILE, "yesterday for dinner I had pizza 800 kcal", "1", "/meals yesterday"]
    text = await chat(lines, tmp_path, clock)
    assert "📅 For 2026-06-01." in text and "✅ Saved 800 kcal." in text
    listing = text.rsplit("you> /meals yesterday", 1)[1]
    assert "1. dinner · 19:30 — 800 kcal: pizza" in listing and "[1] ✏️ Edit 1  [2] 🗑 Delete 1" in listing
    clock.current = datetime(2026, 6, 2, 1, 5, tzinfo=UTC)  # 03:05 in Paris: June 1 has closed
    later = await chat(["yesterday: soup 200 kcal", "/meals yesterday", "/meals 2026-06-01"], tmp_path, clock)
    assert "2026-06-01 is closed: after its close-out a day is final" in later
    assert "This day is closed" in later and "Delete" not in later


async def test_meals_edit_replaces_and_delete_removes(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    lines = [PROFILE, "soup 200 kcal", "1", "bread 150 kcal", "1", "/meals"]
    lines += ["1", "2", "add apple 50 kcal", "1", "/meals", "4"]  # edit meal 1, add an item, save; delete meal 2
    text = await chat(lines, tmp_path, clock)
    first = text.split("you> /meals", 2)[1]
    assert "1. lunch · 12:00 — 200 kcal: soup" in first and "2. lunch · 12:00 — 150 kcal: bread" in first
    assert "[1] ✏️ Edit 1  [2] 🗑 Delete 1  [3] ✏️ Edit 2  [4] 🗑 Delete 2" in first
    assert "it replaces the meal of 2026-06-01" in text
    second = text.split("you> /meals", 2)[2]
    assert "📅 Meals of 2026-06-01: 400 kcal" in second  # replaced, not added: 150 + 250
    assert "1. lunch · 12:00 — 150 kcal: bread" in second and "2. lunch · 12:00 — 250 kcal: soup; apple" in second
    deleted = second.split("you> 4", 1)[1]
    assert "🗑 Deleted 250 kcal (soup; apple)." in deleted and "Meals of 2026-06-01: 150 kcal" in deleted


async def test_food_results_come_in_pages_of_at_most_five_rows_and_take_amounts(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    text = await chat([PROFILE, "/food cheese", "5", "2", "a slice"], tmp_path, clock)  # ▶, then the 2nd food
    first = text.split("you> /food cheese", 1)[1].split("you> 5", 1)[0]
    assert "(page 1 of " in first and "[5] ▶" in first and "[6]" not in first  # 4 foods and ▶: 5 rows
    second = text.split("you> 5", 1)[1].split("you> 2", 1)[0]
    assert "(page 2 of " in second and "[5] ◀" in second  # 4 foods, then ◀ (and ▶ unless it is the last page)
    assert "How much?" in text.split("you> 2", 1)[1]
    estimate = text.split("you> a slice", 1)[1]
    assert "Here is my estimate:" in estimate and " g, " in estimate and "[1] Save" in estimate


async def test_the_first_meal_earns_its_trophy_at_once_and_today_says_what_is_left_to_win(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    text = await chat([PROFILE, "soup 300 kcal", "1", "bread 100 kcal", "1", "/trophies", "/today"], tmp_path, clock)
    first, second = text.split("you> 1")[1:3]
    assert "🍽️ Trophy unlocked: First bite!" in first and "Trophy unlocked" not in second
    assert "🏆 1 of 28 trophies." in text.split("you> /trophies", 1)[1]
    today = text.rsplit("you> /today", 1)[1]
    assert "1374 kcal left to win today" in today  # target 1774 (see the profile reply), 400 eaten


async def test_the_terminal_tells_its_user_the_day_result_once_the_day_closes(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    night = datetime(2026, 6, 2, 1, 30, tzinfo=UTC)  # the night passes: June 1 closes at 03:00 in Paris (01:00 UTC)
    text = await chat_with_news([PROFILE, "soup 1500 kcal", "1", night, "/help", "/streak"], tmp_path, clock)
    before, after = text.split("you> /help", 1)
    assert "📣" not in before.split("you> 1", 1)[1].replace("🍽️ Trophy unlocked", "")  # nothing closed yet
    told = after.split("you> /streak", 1)[0]
    assert "📣 ✅ 2026-06-01: won (1500 of 1774 kcal). Streak 1, +20 RP." in told
    assert "📣 ✅ Trophy unlocked: First win!" in told
    assert told.count("2026-06-01: won") == 1 and "📣" not in after.split("you> /streak", 1)[1]  # told once
    assert "Streak: 1 day (best 1)." in after.split("you> /streak", 1)[1]
