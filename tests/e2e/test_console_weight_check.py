"""/weight far from the last weight asks before saving, in the terminal: Save, the other-unit reading, Cancel."""

from pathlib import Path

from tests.e2e.console_driver import chat

METRIC = "/profile sex=male born=1990 height=180 weight=80 activity=light goal=maintain tz=Europe/Paris"
IMPERIAL = METRIC.replace("weight=80", "weight=80kg") + " units=imperial"


def after(text: str, line: str, nth: int = 1) -> str:
    """What the chat printed after the ``nth`` time ``line`` was sent."""
    return text.split(f"you> {line}\n", nth)[nth]


async def test_a_metric_176_is_asked_about_and_saved_as_pounds_when_chosen(tmp_path: Path) -> None:
    text = await chat([METRIC, "/weight 176", "2", "/weight"], tmp_path)
    asked = after(text, "/weight 176")
    assert "176 kg would be +96.0 kg since last time (80 kg)" in asked and "Nothing is saved yet" in asked
    assert "Did you mean 176 lb = 79.8 kg?" in asked
    assert "[1] Save 176 kg  [2] Save 176 lb = 79.8 kg  [3] Cancel" in asked
    saved = after(text, "2")
    assert "⚖️ Logged 79.8 kg. (−0.2 kg since last time)" in saved


async def test_cancel_saves_nothing_and_a_small_change_is_saved_at_once(tmp_path: Path) -> None:
    text = await chat([METRIC, "/weight 95", "3", "/weight 79.2", "/weight 8.5", "1"], tmp_path)
    asked = after(text, "/weight 95")
    assert "95 kg would be +15.0 kg since last time" in asked and "Did you mean" not in asked  # 95 lb is no closer
    assert "[1] Save 95 kg  [2] Cancel" in asked
    assert "Nothing was logged." in after(text, "3")
    assert "⚖️ Logged 79.2 kg. (−0.8 kg since last time)" in after(text, "/weight 79.2")
    assert "not plausible" in after(text, "/weight 8.5")  # out of range: refused before any question


async def test_a_jump_typed_with_its_unit_or_confirmed_is_saved_when_said(tmp_path: Path) -> None:
    text = await chat([METRIC, "/weight 100kg", "1", "/weight ok 79", "/weight cancel"], tmp_path)
    asked = after(text, "/weight 100kg")
    assert "100 kg would be +20.0 kg since last time" in asked and "Did you mean" not in asked
    assert "⚖️ Logged 100 kg. (+20.0 kg since last time)" in after(text, "1")
    assert "⚖️ Logged 79 kg." in after(text, "/weight ok 79")
    assert "Nothing was logged." in after(text, "/weight cancel")


async def test_an_imperial_80_meaning_kilograms_is_offered_as_kilograms(tmp_path: Path) -> None:
    text = await chat([IMPERIAL, "/weight 80", "2"], tmp_path)
    asked = after(text, "/weight 80")
    assert "80 lb would be" in asked and "Did you mean 80 kg = 176.4 lb?" in asked
    assert "⚖️ Logged 176.4 lb." in after(text, "2")


async def test_the_question_is_in_french_for_a_french_user(tmp_path: Path) -> None:
    text = await chat([METRIC + " lang=fr", "/weight 176"], tmp_path)
    asked = after(text, "/weight 176")
    assert "Vouliez-vous dire 176 lb = 79,8 kg ?" in asked and "+96,0 kg" in asked  # French decimals
    assert "Rien n’est encore enregistré" in asked and "Annuler" in asked
