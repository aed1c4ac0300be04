"""The terminal chat end to end: the real conversation on a real SQLite file, driven line by line."""

import io
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest

from bots.common.conversation import Conversation
from bots.common.i18n import t
from bots.common.messages import Incoming, Reply
from bots.console.chat import run_console
from core.food.label_name import LABEL_NAME
from tests.e2e.console_driver import chat
from tests.fakes.memory import FixedClock
from tests.media_samples import label_picture, png, speak_ogg


async def test_onboarding_by_numbered_choices_then_a_meal(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    text = await chat(
        [
            "/start",
            "1",
            "1",
            "2",
            "1990",
            "165",
            "60",
            "3",
            "1",
            "2",
            "Europe/Paris",
            "coffee 5 kcal, croissant 230 kcal",
            "1",
            "/today",
        ],
        tmp_path,
        clock,
    )
    assert "[1] English  [2] Français" in text and "[1] Metric (kg, cm)  [2] Imperial (lb, ft/in)" in text
    assert "[1] Male  [2] Female" in text
    assert "Your daily target:" in text
    assert "Total: 235 kcal" in text
    assert "✅ Saved 235 kcal." in text
    assert "• 12:00 — 235 kcal: coffee; croissant" in text  # 10:00 UTC shown in Paris time


async def test_bad_answers_are_explained_and_asked_again(tmp_path: Path) -> None:
    text = await chat(["/start", "english", "metric", "female", "300", "1985", "5 m", "170", "-3"], tmp_path)
    assert "not plausible" in text
    assert text.count("What year were you born?") == 2
    assert text.count("How tall are you?") == 2
    assert "could not read “-3”" in text


async def test_a_typed_answer_that_is_no_button_is_told_to_choose_one_in_the_users_language(tmp_path: Path) -> None:
    text = await chat(["/start", "2", "1", "1", "1", "35", "180", "82", "75", "/profile sex=x"], tmp_path)
    assert "L’âge indiqué (1) n’est pas plausible" in text  # no "1 ans": the number stands alone
    assert "« 75 » ne fait pas partie des réponses : choisissez-en une ci-dessous." in text
    assert "sedentary" not in text.split("« 75 »")[1].split("/profile")[0]  # no internal value names
    assert text.count("Quel est votre niveau d’activité") == 2  # asked again
    assert "Choisissez parmi : female, male." in text  # typed /profile values are named as they are typed


async def test_nothing_saved_before_save_and_edit_changes_amounts(tmp_path: Path) -> None:
    text = await chat(
        [
            "/profile sex=male born=1980 height=180 weight=90 activity=light goal=lose rate=0.5",
            "soup 200 kcal and bread 100 kcal",
            "cancel",
            "/today",
            "beer 150 kcal",
            "edit",
            "remove 5",
            "remove 1",
            "add cake 300 kcal",
            "save",
            "/today",
        ],
        tmp_path,
    )
    assert "Cancelled — nothing was saved." in text
    assert "No meals yet today." in text
    assert "There is no item 5" in text
    assert "✅ Saved 300 kcal." in text
    assert "300 kcal: cake" in text


async def test_unknown_commands_and_state_survive_restarts(tmp_path: Path) -> None:
    first = await chat(
        ["/profile sex=female born=2000 height=160 weight=55 activity=active goal=maintain", "/wat"], tmp_path
    )
    assert "I don't know the command /wat" in first
    second = await chat(["/profile", "/profile height=4m", "/profile"], tmp_path)
    assert second.count("Height: 160 cm") == 2
    assert "Nothing was changed." in second


async def test_french_replies(tmp_path: Path) -> None:
    text = await chat(["/profile lang=fr", "/undo"], tmp_path)
    assert "Profil mis à jour." in text
    assert "rien à annuler" in text


def test_winstreak_chat_reads_a_script_from_stdin(tmp_path: Path) -> None:
    env = {**os.environ, "WINSTREAK_DATA_DIR": str(tmp_path)}
    script = (
        "/profile sex=male born=1990 height=180 weight=80 activity=moderate goal=lose rate=0.5 tz=Europe/Brussels\n"
        "/today\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "winstreak", "chat", "--user", "demo"],
        input=script,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Your daily target: 2" in result.stdout
    assert (tmp_path / "winstreak.db").exists()


def test_bad_settings_stop_with_one_line_naming_the_field(tmp_path: Path) -> None:
    env = {**os.environ, "WINSTREAK_DATA_DIR": str(tmp_path), "WINSTREAK_DATABASE_URL": "mysql://nope"}
    result = subprocess.run(
        [sys.executable, "-m", "winstreak", "chat"],
        input="",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "winstreak: Bad setting WINSTREAK_DATABASE_URL: Value error, must start with sqlite+aiosqlite:// or postgresql+asyncpg://"
    ]


def test_unreachable_database_is_one_clear_line(tmp_path: Path) -> None:
    env = {**os.environ, "WINSTREAK_DATABASE_URL": "postgresql+asyncpg://nobody@127.0.0.1:1/none"}
    result = subprocess.run(
        [sys.executable, "-m", "winstreak", "db", "upgrade"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "winstreak: Cannot use the database postgresql+asyncpg://nobody@127.0.0.1:1/none"
    )


async def test_files_are_sent_as_photo_or_voice(tmp_path: Path) -> None:
    text = await chat(["/photo", f"/photo {tmp_path}/missing.jpg", "/voice"], tmp_path)
    assert "Usage: /photo PATH [caption]" in text
    assert f"No such file: {tmp_path}/missing.jpg" in text
    assert "Usage: /voice PATH" in text


@pytest.mark.slow
async def test_a_nutrition_label_photo_in_the_terminal(tmp_path: Path) -> None:
    label = label_picture(
        "Nutrition facts",
        [
            ("Energy", "1800 kJ / 430 kcal", "129 kcal"),
            ("Fat", "20 g", "6 g"),
            ("Carbohydrate", "55 g", "16 g"),
            ("Protein", "7 g", "2 g"),
        ],
    )
    (tmp_path / "label.png").write_bytes(png(label))
    text = await chat([f"/photo {tmp_path}/label.png 50g"], tmp_path)
    assert "430" in text or "215 kcal" in text, text  # read from the label, scaled to the 50 g of the caption


@pytest.mark.slow
async def test_a_voice_note_in_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "note.ogg").write_bytes(speak_ogg("two boiled eggs and a banana", tmp_path))
    text = await chat(
        [
            "/profile sex=male born=1990 height=180 weight=80 activity=light goal=maintain",
            f"/voice {tmp_path}/note.ogg",
        ],
        tmp_path,
    )
    assert "I heard" in text and "egg" in text.lower() and "banana" in text.lower(), text


async def test_a_failing_message_gets_an_apology_with_an_error_id_and_the_chat_goes_on(tmp_path: Path) -> None:
    class Flaky:
        def __init__(self) -> None:
            self.calls = 0
            self.on_account_deleted: list[object] = []

        async def handle(self, msg: Incoming) -> list[Reply]:
            self.calls += 1
            if self.calls == 1:
                raise RuntimeError("database gone")
            return [Reply(f"echo {msg.text}")]

    out = io.StringIO()
    conversation = cast(Conversation, Flaky())
    await run_console(conversation, "me", io.StringIO("first\nsecond\n"), out, interactive=False, image_dir=tmp_path)
    text = out.getvalue()
    assert re.search(r"\(error [0-9a-f]{8}\)", text) and "echo second" in text


@pytest.mark.slow
async def test_a_label_photo_is_named_in_french_in_the_estimate_today_and_meals(tmp_path: Path) -> None:
    label = label_picture(
        "Nutrition facts",
        [("Energy", "1800 kJ / 430 kcal", "129 kcal"), ("Fat", "20 g", "6 g"), ("Protein", "7 g", "2 g")],
    )
    (tmp_path / "label.png").write_bytes(png(label))
    text = await chat(["/profile lang=fr", f"/photo {tmp_path}/label.png 50g", "1", "/today", "/meals"], tmp_path)
    french = t("fr", LABEL_NAME)
    assert french != LABEL_NAME and LABEL_NAME not in text, text
    assert text.count(french) >= 3, text  # the estimate, /today and /meals
