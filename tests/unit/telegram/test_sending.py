"""Splitting long replies, building keyboards and reading identities for Telegram."""

from aiogram.types import Chat, User

from bots.common.identity import ChatIdentity
from bots.common.messages import Button
from bots.telegram.identity import identity_of
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


def test_identity_of_a_user_in_a_group_and_in_private() -> None:
    user = User(id=7, is_bot=False, first_name="Ada", last_name="Lovelace", language_code="fr-CA")
    group = identity_of(user, Chat(id=-100, type="supergroup", title="Gym friends"))
    assert group == ChatIdentity("telegram", -100, 7, "Ada Lovelace", "fr", is_group=True, title="Gym friends")
    nameless = User(id=8, is_bot=False, first_name="", username="ghost", language_code="de")
    private = identity_of(nameless, Chat(id=8, type="private"))
    assert (private.display_name, private.language, private.is_group, private.title) == ("ghost", "en", False, "")
    assert private.incoming(text="hi").state_key == "telegram:8:8"
