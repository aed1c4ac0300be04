"""/settings in the terminal: the button prompt sits right above its buttons, in English and French (#13/#14)."""

from pathlib import Path

from bots.common.flows.settings_card import PROMPT, with_section
from bots.common.i18n import t
from bots.common.messages import Button, Reply
from tests.e2e.console_driver import chat


def _card(text: str, language_button: str) -> list[str]:
    card = text.split("you> /settings\n", 1)[1].split("you>", 1)[0]
    lines = card.strip().splitlines()
    assert language_button in lines[-1], card  # the buttons, listed last
    return lines


async def test_the_prompt_is_the_last_line_above_the_buttons_in_both_languages(tmp_path: Path) -> None:
    text = await chat(["/settings", "/settings exercise on", "/profile lang=fr", "/settings"], tmp_path)
    english, french = text.split("/profile lang=fr", 1)
    lines = _card(english, "Français")
    assert lines[-2] == t("en", PROMPT) and lines[0] == "Settings", lines
    assert any(line.startswith("Evening reminder") for line in lines) and "Units: metric (kg, cm)" in lines
    assert lines.index("Units: metric (kg, cm)") < lines.index(t("en", PROMPT))
    lines = _card(french, "English")
    assert t("fr", PROMPT) != t("en", PROMPT) and lines[-2] == t("fr", PROMPT), lines


def test_a_section_goes_before_the_prompt_and_its_buttons_after() -> None:
    prompt = t("en", PROMPT)
    first, second = (Button("English", "/settings language en"),), (Button("Off", "/settings x off"),)
    card = with_section("en", Reply(f"Settings\n\n{prompt}", (first,)), "X: on", (second,))
    assert card.text == f"Settings\n\nX: on\n\n{prompt}" and card.buttons == (first, second)
    assert with_section("en", Reply("Saved."), "X: on", ()).text == "Saved.\n\nX: on"  # no prompt: at the end
