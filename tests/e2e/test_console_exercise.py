"""Exercise in the terminal chat (real conversation, real SQLite file): estimate, Save, /today, the setting, and
the day's result judged against the budget the exercise raised (only when the setting is on)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.rules.exercise_budget import exercise_allowance
from tests.e2e.console_driver import chat, chat_with_news
from tests.fakes.memory import FixedClock

PROFILE = "/profile sex=female born=1990 height=165 weight=60 activity=light goal=maintain tz=Europe/Paris"
TARGET = 1774  # this profile's daily target in 2026


def _burned(text: str) -> int:
    return int(re.findall(r"about (\d+) kcal burned", text)[-1])


async def test_free_text_exercise_is_estimated_saved_on_save_and_shown_in_today(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    lines = [PROFILE, "I ran 5 km", "/today", "I ran 5 km", "1", "/today", "30 min cycling", "2", "/today"]
    text = await chat(lines, tmp_path, clock)
    estimate = text.split("you> I ran 5 km", 1)[1].split("you> /today", 1)[0]
    assert "🏃 running: 33 min → about" in estimate and "(5 km at a typical 9 km/h)" in estimate
    assert "Compendium code 12150" in estimate and "[1] Save  [2] Cancel" in estimate
    assert "Exercise today" not in text.split("you> /today", 2)[1].split("you> I ran", 1)[0]  # nothing before Save
    assert "(The previous unsaved exercise was discarded.)" in text
    burned = _burned(estimate)
    assert burned == round(7.0 * 60 * (5 / 9))  # (MET 8 − 1) × 60 kg × 5 km at 9 km/h
    assert f"✅ Saved running: {burned} kcal." in text
    last = text.rsplit("you> /today", 1)[1]
    assert f"🏃 Exercise today: running 33 min ({burned} kcal) — {burned} kcal" in last
    assert "cycling" not in last and "Cancelled — nothing was saved." in text
    assert "Exercise does not change your budget" in last


async def test_french_exercise_and_the_setting_raise_the_budget_in_today(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    lines = [PROFILE + " lang=fr", "/settings exercise on", "30 min de vélo", "1", "/today"]
    text = await chat(lines, tmp_path, clock)
    assert "🏃 vélo : 30 min → environ" in text
    burned = int(re.findall(r"environ (\d+) kcal", text)[0])
    assert burned == round(6.5 * 60 * 0.5)  # (MET 7.5 − 1) × 60 kg × ½ h
    allowance = exercise_allowance(burned, True)
    today = text.rsplit("you> /today", 1)[1]
    assert f"Elle ajoute {allowance} kcal au budget du jour : {TARGET + allowance} kcal (objectif {TARGET})." in today
    assert f"0 / {TARGET + allowance} kcal" in today  # the summary is judged against the budget too


@pytest.mark.parametrize("setting", ["on", "off"])
async def test_the_day_is_judged_against_the_budget_only_when_the_setting_is_on(tmp_path: Path, setting: str) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    night = datetime(2026, 6, 2, 1, 30, tzinfo=UTC)  # the night passes: June 1 closes at 03:00 in Paris (01:00 UTC)
    script = [PROFILE, f"/settings exercise {setting}", "walked for 2 hours", "1", "soup 1850 kcal", "1"]
    text = await chat_with_news([*script, night, "/help", "/streak"], tmp_path, clock)
    burned = _burned(text)
    assert burned == round(2.5 * 60 * 2)  # walking: (MET 3.5 − 1) × 60 kg × 2 h = 300
    told = text.split("you> /help", 1)[1]
    if setting == "on":
        assert f"2026-06-01: won (1850 of {TARGET + exercise_allowance(burned, True)} kcal)" in told
    else:
        assert f"2026-06-01: lost (1850 of {TARGET} kcal)" in told


async def test_export_holds_the_exercises_and_the_setting(tmp_path: Path) -> None:
    import zipfile

    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    text = await chat([PROFILE, "/settings exercise on", "I ran 5 km", "1", "/export"], tmp_path, clock)
    path = next(Path(line.split(": ", 1)[1]) for line in text.splitlines() if line.startswith("📦 saved file: "))
    archive = zipfile.ZipFile(path)
    exercises = archive.read("exercises.csv").decode()
    assert "running" in exercises and "2026-06-01" in exercises
    assert "raises_budget" in archive.read("exercise_settings.csv").decode()


async def test_an_imperial_user_sees_pounds_miles_and_mph(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    lines = [PROFILE, "/profile units=imperial", "I ran 3 miles", "1"]  # 60 kg, then shown in lb
    text = await chat(lines, tmp_path, clock)
    estimate = text.split("you> I ran 3 miles", 1)[1].split("you> 1", 1)[0]
    assert "(3 mi at a typical 5.6 mph)" in estimate  # 9 km/h
    assert "× 132.3 lb × the time." in estimate and " kg" not in estimate  # 60 kg
    burned = _burned(estimate)
    assert burned == round(7.0 * 60 * (3 * 1.609344 / 9))  # (MET 8 − 1) × 60 kg × 4.83 km at 9 km/h
