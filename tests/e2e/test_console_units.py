"""Imperial units in the terminal: typed in either unit, shown in the user's, exported in SI with the unit column."""

import csv
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from tests.e2e.console_driver import chat
from tests.fakes.memory import FixedClock

PROFILE = "/profile sex=male born=1990 height=5'11\" weight=176lb activity=moderate goal=lose rate=1lb units=imperial"


async def test_imperial_everywhere_a_weight_or_height_is_shown_and_si_in_the_export(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    lines = [PROFILE, "/profile target=160", "/weight 174", "/weight 80kg", "/weight", "/export"]
    text = await chat(lines, tmp_path, clock)
    card = text.split("you> /profile target=160\n", 1)[1]
    assert "Height: 5'11\"" in card and "Weight: 176 lb" in card and "Goal weight: 160 lb" in card
    assert "(1 lb a week)" in card and "Units: imperial (lb, ft/in)" in card
    assert "⚖️ Logged 174 lb. (−2.0 lb since last time)" in text
    assert "⚖️ Logged 176.4 lb. (+2.4 lb since last time)" in text  # 80 kg typed with its unit
    chart = text.split("you> /weight\n", 1)[1]
    assert "⚖️ Latest: 176.4 lb" in chart and "🎯 Goal 160 lb" in chart and " kg" not in chart.split("you>")[0]
    path = next(Path(line.split(": ", 1)[1]) for line in text.splitlines() if line.startswith("📦 saved file: "))
    profile = next(csv.DictReader(io.StringIO(zipfile.ZipFile(path).read("profile.csv").decode())))
    assert profile["units"] == "imperial" and float(profile["weight_kg"]) == 80.0
    assert float(profile["height_cm"]) == 180.3 and abs(float(profile["goal_weight_kg"]) - 72.57) < 0.01


async def test_bad_units_change_nothing_and_french_uses_the_same_symbols(tmp_path: Path) -> None:
    text = await chat([PROFILE, "/profile units=furlongs weight=1", "/profile lang=fr", "/profile"], tmp_path)
    assert "Nothing was changed." in text and "“furlongs” is not a unit system" in text
    card = text.rsplit("you> /profile\n", 1)[1]
    assert "Taille : 5'11\"" in card and "Poids : 176 lb" in card and "Unités : impériales (lb, ft/in)" in card


async def test_settings_show_and_switch_the_units_in_both_languages(tmp_path: Path) -> None:
    lines = [
        PROFILE,
        "/settings",
        "/settings units metric",
        "/profile",
        "/profile lang=fr",
        "/settings unités impérial",
    ]
    text = await chat(lines, tmp_path)
    card = text.split("you> /settings\n", 1)[1].split("you>", 1)[0]
    assert "Units: imperial (lb, ft/in)" in card and "Use metric (kg, cm)" in card
    assert "Units set to metric: kg and cm." in text
    assert "Weight: 79.8 kg" in text.split("you> /profile\n", 1)[1]  # 176 lb, now shown in kg
    assert "Unités : système impérial (lb, ft/in)." in text.rsplit("you>", 1)[1]
