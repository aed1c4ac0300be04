"""Exercise of an open day in the terminal chat (real conversation, real SQLite file): /exercise lists it with
numbered Edit / Delete choices, "yesterday I ran 5 km" logs for yesterday until its close-out, then the day is final."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from tests.e2e.console_driver import chat
from tests.e2e.test_console_exercise import PROFILE
from tests.e2e.test_console_favourites import after
from tests.fakes.memory import FixedClock


def _kcal(text: str) -> list[int]:
    return [int(k) for k in re.findall(r"about (\d+) kcal burned", text)]


async def test_list_delete_and_edit_todays_exercise_with_numbered_choices(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))  # 12:00 in Paris
    lines = [PROFILE, "I ran 5 km", "1", "30 min cycling", "1", "/exercise", "4", "/exercise", "1"]
    text = await chat(lines, tmp_path, clock)
    run, cycling = _kcal(text)
    listing = text.split("you> /exercise\n")[1]
    assert f"🏃 Exercise of 2026-06-01: {run + cycling} kcal" in listing
    assert f"1. running 33 min ({run} kcal) · 5 km" in listing and f"2. cycling 30 min ({cycling} kcal)" in listing
    assert "[1] ✏️ Edit 1  [2] 🗑 Delete 1  [3] ✏️ Edit 2  [4] 🗑 Delete 2" in listing
    deleted = after(text, "4")
    assert f"🗑 Deleted cycling 30 min ({cycling} kcal)." in deleted and "2. cycling" not in deleted
    hint = after(text, "1")
    entry = re.findall(r"/exercise edit (\d+) 45 min", hint)[0]
    assert "Type the new time or distance of running" in hint
    text = await chat([f"/exercise edit {entry} 45", "1", "/today", f"/exercise edit {entry} lots"], tmp_path, clock)
    offered = after(text, f"/exercise edit {entry} 45")
    assert "Save replaces the exercise of 2026-06-01." in offered and "🏃 running: 45 min" in offered
    new = round(7.0 * 60 * 0.75)  # (MET 8 − 1) × 60 kg × ¾ h, at the weight stored with the exercise
    assert _kcal(offered) == [new] and f"✏️ Changed running: {run} → {new} kcal." in text
    assert f"🏃 Exercise today: running 45 min ({new} kcal) — {new} kcal" in after(text, "/today")
    assert "Type the new time or distance" in after(text, f"/exercise edit {entry} lots")  # unreadable: the hint


async def test_the_time_typed_after_the_edit_button_edits_that_exercise_in_both_languages(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    lines = [PROFILE, "I ran 5 km", "1", "/exercise", "1", "45 min", "1", "/exercise", "1", "2 eggs"]
    text = await chat(lines, tmp_path, clock)
    offered = after(text, "45 min")
    assert "Save replaces the exercise of 2026-06-01." in offered and "🏃 running: 45 min" in offered
    assert "food" not in offered
    new = round(7.0 * 60 * 0.75)
    assert "✏️ Changed running: " in text and f"1. running 45 min ({new} kcal)" in text.rsplit("you> /exercise", 1)[1]
    meal = after(text, "2 eggs")  # not a time or distance: a meal as usual, the exercise unchanged
    assert "egg" in meal and "Save replaces" not in meal
    text = await chat(["/profile lang=fr", "/exercise", "1", "30 min", "1", "/exercise"], tmp_path, clock)
    assert "Écrivez la nouvelle durée ou distance (course à pied)" in text.split("you> 1\n", 1)[1]
    assert "🏃 course à pied : 30 min" in after(text, "30 min")
    assert "1. course à pied 30 min" in text.rsplit("you> /exercise", 1)[1]


async def test_yesterday_i_ran_logs_for_yesterday_until_its_close_out(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))  # 01:30 on June 2 in Paris: June 1 is open
    lines = [PROFILE, "yesterday I ran 5 km", "1", "/exercise 20 min swimming yesterday", "1", "/today", "/exercise"]
    text = await chat(lines, tmp_path, clock)
    offered = after(text, "yesterday I ran 5 km")
    assert "📅 For 2026-06-01." in offered and "🏃 running: 33 min" in offered
    run, swim = _kcal(text)
    assert f"✅ Saved running: {run} kcal, for 2026-06-01." in text
    june_1 = after(text, "/exercise 20 min swimming yesterday")
    assert f"🏃 Exercise of 2026-06-01: {run + swim} kcal" in june_1 and "2. swimming 20 min" in june_1
    assert "Exercise today" not in after(text, "/today")  # June 2 has none
    assert "🏃 Exercise of 2026-06-02: 0 kcal\nNo exercise logged that day." in after(text, "/exercise")

    clock.current = datetime(2026, 6, 2, 6, 0, tzinfo=UTC)  # 08:00: June 1 has closed, it is final
    text = await chat(["yesterday 30 min cycling", "/exercise yesterday", "/exercise delete 1"], tmp_path, clock)
    assert "2026-06-01 is closed: after its close-out a day is final" in after(text, "yesterday 30 min cycling")
    closed = after(text, "/exercise yesterday")
    assert "This day is closed: its exercise is final." in closed and "[1]" not in closed  # no buttons
    assert "That exercise is no longer there" in after(text, "/exercise delete 1")
    assert f"🏃 Exercise of 2026-06-01: {run + swim} kcal" in closed  # nothing was lost


async def test_french(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))
    text = await chat([PROFILE + " lang=fr", "hier j'ai couru 5 km", "1", "/exercise hier", "2"], tmp_path, clock)
    assert "📅 Pour le 2026-06-01.\n🏃 course à pied : 33 min" in after(text, "hier j'ai couru 5 km")
    assert "✅ Enregistré : course à pied, 233 kcal, pour le 2026-06-01." in text
    listing = after(text, "/exercise hier")
    assert "🏃 Activité du 2026-06-01 :" in listing and "[1] ✏️ Modifier 1  [2] 🗑 Supprimer 1" in listing
    assert "🗑 Supprimé :" in after(text, "2") and "Aucune activité notée ce jour-là." in after(text, "2")
