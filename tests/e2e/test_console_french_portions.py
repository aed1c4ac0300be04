"""French all the way around foods in the terminal (real Conversation, real SQLite file, app with its catalogue).

A French user's /food portion choices read French and the one picked is the one estimated; a day's items are
listed apart with the item separator; the /export zip gives each known food's name in English and French beside
the name as saved, and leaves both empty for an item without a food (``/add``).
"""

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from core.food.portion_names import french_portion
from core.item_lists import ITEM_SEPARATOR
from storage.builtin_foods import load_builtin_rows
from tests.e2e.console_driver import chat
from tests.fakes.memory import FixedClock

PROFILE = "/profile sex=female born=1990 height=165 weight=60 activity=light goal=maintain tz=Europe/Paris"
CLOCK = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))


def _after(text: str, line: str) -> str:
    return text.rsplit(f"you> {line}\n", 1)[1].split("you> ", 1)[0]


def _food(food_id: str) -> tuple[str, str, list[tuple[str, float]]]:
    row = next(r for r in load_builtin_rows(with_extra=False) if r.food.id == food_id)
    return row.food.name, row.name_fr, [(p.name, p.grams) for p in row.food.portions]


async def test_a_french_user_sees_portions_items_and_export_in_both_languages(tmp_path: Path) -> None:
    banana_en, banana_fr, portions = _food("builtin:banana")
    egg_en, egg_fr, _ = _food("builtin:egg_boiled")
    first, grams = portions[0]
    label = french_portion(first)
    assert label is not None and label != first
    lines = [f"{PROFILE} lang=fr", "/food #builtin:banana", "1", "1",
             "/food #builtin:egg_boiled 50g", "1", "/add 120 thé sucré", "1", "/meals", "/export"]  # fmt: skip
    text = await chat(lines, tmp_path, CLOCK)
    choices = _after(text, "/food #builtin:banana")
    assert f"[1] {label} ({grams:g} g)" in choices and f"{first} (" not in choices
    picked = text.split("you> /food #builtin:banana\n", 1)[1].split("you> 1\n", 1)[1].split("you> ", 1)[0]
    assert f"1. {banana_fr} — {grams:.0f} g" in picked  # the portion chosen is the one estimated
    listing = _after(text, "/meals")
    assert banana_fr in listing and egg_fr in listing and "banana" not in listing
    path = Path(next(ln.split(": ", 1)[1] for ln in text.splitlines() if ln.startswith("📦 ")))
    archive = zipfile.ZipFile(path)
    rows = list(csv.DictReader(io.StringIO(archive.read("meal_items.csv").decode())))
    by_food = {r["food_id"]: r for r in rows}
    assert (by_food["builtin:banana"]["name"], by_food["builtin:banana"]["food_name_en"]) == (banana_fr, banana_en)
    assert by_food["builtin:banana"]["food_name_fr"] == banana_fr
    assert (by_food["builtin:egg_boiled"]["food_name_en"], by_food["builtin:egg_boiled"]["food_name_fr"]) == (
        egg_en,
        egg_fr,
    )
    typed = next(r for r in rows if not r["food_id"])  # /add: no food, both names empty, nothing lost
    assert typed["name"] and typed["food_name_en"] == "" and typed["food_name_fr"] == "" and len(rows) == 3
    document = json.loads(archive.read("winstreak-export.json"))
    items = [i for meal in document["meals"] for i in meal["items"]]
    assert {i["food_name_en"] for i in items} == {banana_en, egg_en, None}


async def test_items_are_listed_apart_when_food_names_hold_commas(tmp_path: Path) -> None:
    egg_en, _, _ = _food("builtin:egg_boiled")
    assert "," in egg_en  # the case the separator is for
    text = await chat([PROFILE, "a boiled egg and a banana", "1", "/today"], tmp_path, CLOCK)
    assert f"{egg_en} — " in _after(text, "a boiled egg and a banana")
    day = _after(text, "/today")
    assert f"{egg_en}{ITEM_SEPARATOR}banana" in day or f"banana{ITEM_SEPARATOR}{egg_en}" in day
