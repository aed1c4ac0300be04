"""Splitting long replies and building keyboards for Telegram."""

from bots.common.messages import Button
from bots.telegram.identity import language_of
from bots.telegram.sending import keyboard, split_text


def test_long_text_is_split_at_line_breaks_under_the_limit() -> None:
    text = "\n".join(f"line {n:04d} " + "x" * 80 for n in range(200))
    parts = split_text(text)
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == text


def test_a_text_without_breaks_is_cut_hard() -> None:
    parts = split_text("y" * 9000)
    assert [len(p) for p in parts] == [4096, 4096, 808]


def test_short_text_is_one_part() -> None:
    assert split_text("hello") == ["hello"]


def test_keyboard_rows_and_too_long_values() -> None:
    markup = keyboard(((Button("Save", "save"), Button("Edit", "edit")), (Button("Long", "/" + "z" * 70),)))
    assert markup is not None
    assert [[b.callback_data for b in row] for row in markup.inline_keyboard] == [["save", "edit"]]
    assert keyboard(()) is None


def test_language_codes() -> None:
    assert language_of("fr-CA") == "fr" and language_of("de") == "en" and language_of(None) == "en"
