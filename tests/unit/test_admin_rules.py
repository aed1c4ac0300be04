"""WINSTREAK_ADMINS parsing (one clear start-up error naming the field) and the operator input rules."""

import pytest

from core.errors import InvalidValue
from core.rules.admins import MAX_BROADCAST_CHARS, broadcast_text, is_admin, parse_admins, user_id
from winstreak.settings import SettingsError, load_settings


def test_entries_are_normalised_and_deduplicated() -> None:
    parsed = parse_admins(" telegram:12345,Discord:6789 ; console:me,,telegram:12345 ")
    assert parsed == ("telegram:12345", "discord:6789", "console:me")
    assert parse_admins(["console:a", " telegram:1 "]) == ("console:a", "telegram:1")
    assert parse_admins("") == ()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("12345", "is not platform:id"),
        ("telegram:", "is not platform:id"),
        ("console:two words", "is not platform:id"),
        ("slack:42", "unknown platform 'slack'"),
        ("telegram:@ana", "a telegram id is a number"),
        ("discord:-5", "a discord id is a number"),
        ("console:" + "x" * 65, "is not platform:id"),
    ],
)
def test_bad_entries_are_named(value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_admins(value)


def test_settings_read_the_variable_and_fail_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINSTREAK_ADMINS", "telegram:12345,discord:6789,console:me")
    assert load_settings(_env_file=None).admins == ("telegram:12345", "discord:6789", "console:me")
    monkeypatch.setenv("WINSTREAK_ADMINS", "telegram:12345,bob")
    with pytest.raises(SettingsError) as caught:
        load_settings(_env_file=None)
    message = str(caught.value)
    assert message.startswith("Bad setting WINSTREAK_ADMINS:") and "'bob' is not platform:id" in message
    assert "\n" not in message
    monkeypatch.delenv("WINSTREAK_ADMINS")
    assert load_settings(_env_file=None).admins == ()


def test_only_the_exact_identity_is_an_admin() -> None:
    admins = parse_admins("telegram:777")
    assert is_admin(admins, "telegram", "777")
    assert not is_admin(admins, "discord", "777") and not is_admin(admins, "telegram", "7777")


def test_broadcast_text_and_user_numbers() -> None:
    assert broadcast_text("  hi\nthere  ") == "hi\nthere"
    for bad in ("", "   ", "x" * (MAX_BROADCAST_CHARS + 1)):
        with pytest.raises(InvalidValue):
            broadcast_text(bad)
    assert user_id(" #42 ") == 42
    for bad in ("", "abc", "-1", "0", "4.2", "1" * 13):
        with pytest.raises(InvalidValue):
            user_id(bad)
