"""The platform-neutral identity Telegram and Discord both build: language, shown name, the Incoming it makes."""

from __future__ import annotations

from bots.common.identity import NAME_LIMIT, ChatIdentity, shown_name, supported_language


def test_supported_language_keeps_the_base_of_a_known_code_else_english() -> None:
    assert supported_language("fr-CA") == "fr" and supported_language("FR") == "fr"
    assert supported_language("de") == "en" and supported_language(None) == "en" and supported_language("") == "en"


def test_shown_name_takes_the_first_non_empty_cut_to_the_limit() -> None:
    assert shown_name("", None, "ghost") == "ghost"
    assert shown_name("Ada Lovelace", "ada") == "Ada Lovelace"
    assert shown_name(None, "") == "friend"
    assert shown_name("x" * 100) == "x" * NAME_LIMIT


def test_incoming_carries_the_platform_chat_person_and_language() -> None:
    who = ChatIdentity("discord", 42, 7, "Ada", "fr", is_group=True, title="Gym #general")
    msg = who.incoming(text="/join")
    assert (msg.platform, msg.chat_id, msg.user_external_id, msg.display_name) == ("discord", "42", "7", "Ada")
    assert msg.language == "fr" and msg.is_group and msg.text == "/join"
    assert msg.state_key == "discord:42:7"
