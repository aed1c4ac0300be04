"""French food names in the terminal: a French user's estimate, /today, /meals, /again and /food name foods in French.

The names are the food table's own (``storage/builtin_foods/data``), never words a model chose; a saved meal keeps
its foods' ids, so after ``lang=en`` the same meal reads English; a food without a French name stays English.
"""

from datetime import UTC, datetime
from pathlib import Path

from core.model.food import Food
from storage.builtin_foods import load_builtin_rows
from storage.engine import make_engine
from storage.food.writer import food_record, upsert_foods
from tests.e2e.console_driver import chat
from tests.fakes.memory import FixedClock

PROFILE = "/profile sex=female born=1990 height=165 weight=60 activity=light goal=maintain tz=Europe/Paris"
CLOCK = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


def _after(text: str, line: str) -> str:
    """The replies to ``line`` (its last occurrence), up to the next message."""
    return text.rsplit(f"you> {line}\n", 1)[1].split("you> ", 1)[0]


def _names() -> dict[str, str]:
    return {row.food.id: row.name_fr for row in load_builtin_rows(with_extra=False)}


async def test_a_french_users_meal_reads_french_everywhere_and_english_after_a_switch(tmp_path: Path) -> None:
    fr = _names()
    banana, egg = fr["builtin:banana"], fr["builtin:egg_boiled"]
    lines = [f"{PROFILE} lang=fr", "une banane", "1", "/food #builtin:egg_boiled 100g", "1",
             "/today", "/meals", "/again", "/food banane", "/profile lang=en", "/today", "/meals"]  # fmt: skip
    text = await chat(lines, tmp_path, FixedClock(CLOCK))
    card = _after(text, "une banane")  # a meal in words: the estimator's food, named from the table
    assert f" {banana} — " in card and "banana" not in card
    saved = text.split("you> 1\n", 1)[1].split("you> ", 1)[0]
    assert f": {banana}" in saved  # the day under the Save confirmation
    assert f"1. {egg} — 100 g" in _after(text, "/food #builtin:egg_boiled 100g")  # a food picked in /food
    for line in ("/today", "/meals"):
        day = _after(text.split("/profile lang=en", 1)[0], line)
        assert banana in day and egg in day and "banana" not in day and "egg, boiled" not in day, line
    assert banana in _after(text, "/again") and "banana" not in _after(text, "/again")
    assert f"{banana} · 89 kcal/100 g" in _after(text, "/food banane")
    for line in ("/today", "/meals"):  # the same meals, English now
        day = _after(text, line)
        assert "banana" in day and "egg, boiled" in day and egg not in day, line


async def test_an_english_user_reads_english_and_a_food_without_french_name_stays_english(tmp_path: Path) -> None:
    fr = _names()
    text = await chat([PROFILE, "/food #builtin:banana 120g", "1", "/today"], tmp_path, FixedClock(CLOCK))
    assert "1. banana — 120 g" in _after(text, "/food #builtin:banana 120g") and fr["builtin:banana"] not in text
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'winstreak.db'}")
    try:
        async with engine.begin() as conn:  # an imported product: named as sold, no French name
            await upsert_foods(conn, [food_record(Food("off:3017620422003", "Hazelnut spread", 539, 6.3, 57.5, 30.9,
                                                       brand="Ferrero"), "off")])  # fmt: skip
    finally:
        await engine.dispose()
    lines = ["/profile lang=fr", "/food #off:3017620422003 15g", "1", "/today"]
    text = await chat(lines, tmp_path, FixedClock(CLOCK))
    assert "1. Hazelnut spread (Ferrero) — 15 g" in _after(text, "/food #off:3017620422003 15g")
    day = _after(text, "/today")
    assert (
        "Hazelnut spread (Ferrero)" in day and fr["builtin:banana"] in day
    )  # the banana saved in English reads French
