"""Recents and favourites in the terminal chat (real conversation, real SQLite file), over two days."""

import csv
import io
import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from tests.e2e.console_driver import chat
from tests.fakes.memory import FixedClock

PROFILE = "/profile sex=female born=1990 height=165 weight=60 activity=light goal=maintain tz=Europe/Paris"


def after(text: str, line: str) -> str:
    """What the chat printed after the last ``you> line``."""
    return text.rsplit(f"you> {line}\n", 1)[1]


async def test_recent_meals_under_today_and_same_as_yesterdays_breakfast(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))  # 12:00 in Paris
    day_one = [PROFILE, "/again", "for breakfast porridge 320 kcal", "1", "soup 300 kcal", "1", "/today", "2"]
    text = await chat(day_one, tmp_path, clock)
    assert "You have no saved meal to repeat yet" in after(text, "/again")
    today = after(text, "/today")
    assert "🔁 Tap a meal to log it again:" in today
    assert re.search(r"\[1\] 🔁 soup · 300 kcal  \[2\] 🔁 [^\n]+ · 320 kcal", today)  # the newest first
    repeated = after(text, "2")
    assert "🔁 The same again, from your saved meal" in repeated and " — 320 kcal" in repeated
    assert "[1] Save  [2] Edit  [3] Cancel" in repeated  # shown, not stored yet
    text = await chat(["save", "/today"], tmp_path, clock)  # a new terminal session: the word
    assert "✅ Saved 320 kcal." in text and "940 /" in after(text, "/today")
    assert re.search(r"\[1\] 🔁 [^\n]+ · 320 kcal  \[2\] 🔁 soup · 300 kcal", after(text, "/today"))  # eaten twice

    clock.current = datetime(2026, 6, 2, 6, 30, tzinfo=UTC)  # 08:30 in Paris the next day
    text = await chat(
        ["same as yesterday's breakfast", "1", "again", "3", "same as yesterday for dinner"], tmp_path, clock
    )
    offered = after(text, "same as yesterday's breakfast")
    assert "Total: 320 kcal" in offered.split("✅")[0] and "soup" not in offered.split("✅")[0]  # breakfast only
    assert "✅ Saved 320 kcal." in offered and "🍳 Breakfast · 320 kcal" in offered
    assert "Total: 320 kcal" in after(text, "again") and "Cancelled" in after(text, "3")
    no_dinner = after(text, "same as yesterday for dinner")
    assert "You logged no dinner yesterday. Yesterday's meals:" in no_dinner and "🔁 soup · 300 kcal" in no_dinner


async def test_favourites_kept_listed_logged_with_a_tap_and_deleted(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    lines = [PROFILE, "/fav", "/fav save lunch", "soup 140 kcal", "1", "1", "/fav save usual soup", "/fav", "1", "1"]
    text = await chat(lines, tmp_path, clock)
    assert "You have no favourites yet." in text.split("you> /fav\n")[1]
    assert "You have no saved meal yet" in after(text, "/fav save lunch")
    assert "[1] ⭐ Add to favourites" in text  # under the saved meal
    assert "⭐ Kept as the favourite “soup” (140 kcal)" in text  # the ⭐ press: named from its items
    renamed = after(text, "/fav save usual soup")
    assert "is now called “usual soup”" in renamed and "(140 kcal)" in renamed  # one favourite, renamed
    listing = text.split("you> /fav\n")[-1]
    assert "• usual soup — 140 kcal" in listing and "[1] ⭐ usual soup" in listing
    assert "⭐ usual soup: Save logs it for today." in text and text.count("✅ Saved 140 kcal.") == 2
    more = await chat(
        ["/fav USUAL SOUP", "3", "/fav delete usual soup", "/fav usual soup", "/fav save /x"], tmp_path, clock
    )
    assert "⭐ usual soup: Save logs it for today." in after(more, "/fav USUAL SOUP")
    assert "🗑 Deleted the favourite “usual soup”." in more
    assert "You have no favourite called “usual soup”." in after(more, "/fav usual soup")
    assert "A favourite's name is 1 to 40 letters" in after(more, "/fav save /x")


async def test_the_export_holds_the_favourites(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    text = await chat([PROFILE, "soup 140 kcal", "1", "/fav save usual soup", "/export"], tmp_path, clock)
    path = next(Path(line.split(": ", 1)[1]) for line in text.splitlines() if line.startswith("📦 saved file: "))
    archive = zipfile.ZipFile(path)
    rows = list(csv.DictReader(io.StringIO(archive.read("favourites.csv").decode())))
    assert [(row["name"], float(row["kcal"])) for row in rows] == [("usual soup", 140.0)]
    assert json.loads(rows[0]["items"])[0]["name"] == "soup"
