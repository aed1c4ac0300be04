"""Texts that chat adapters show on their own (menus, refusals), kept here so every platform shares them."""

from __future__ import annotations

from collections.abc import Iterable

from bots.common.i18n import N_, t

COMMAND_DESCRIPTIONS: dict[str, str] = {
    "start": N_("Start, or set up your profile"),
    "today": N_("Today's progress"),
    "undo": N_("Remove the last meal"),
    "add": N_("Quick add kcal, e.g. 350 soup p=20"),
    "meals": N_("A day's meals: edit or delete (today, yesterday)"),
    "again": N_("Log a recent meal again"),
    "fav": N_("Your favourite meals: log one with a tap"),
    "exercise": N_("Log exercise, e.g. 30 min cycling"),
    "weight": N_("Log your weight"),
    "food": N_("Search a food"),
    "profile": N_("See or change your profile"),
    "streak": N_("Your streak"),
    "rank": N_("Your rank card"),
    "trophies": N_("Your trophies"),
    "history": N_("Weekly chart"),
    "leaderboard": N_("This week's group ranking"),
    "rules": N_("How points and ranks work"),
    "settings": N_("Language and preferences"),
    "export": N_("Download your data"),
    "deleteme": N_("Delete all your data"),
    "link": N_("Join another chat account to this profile"),
    "help": N_("All commands"),
}


def command_menu(lang: str, available: Iterable[str]) -> list[tuple[str, str]]:
    """``(command, description)`` for the commands that exist, in menu order."""
    present = set(available)
    return [(name, t(lang, text)) for name, text in COMMAND_DESCRIPTIONS.items() if name in present]


def not_admin_text(lang: str, command: str) -> str:
    """Refusal of an admin-only group command."""
    return t(lang, "Only a group admin can use /{command}.", command=command)


def unsupported_text(lang: str) -> str:
    """Answer to a message kind the bot cannot read."""
    return t(lang, "I can read text, photos and voice notes. Describe your meal, or send /help.")


def too_large_text(lang: str) -> str:
    """Answer to a file over the download limit."""
    return t(lang, "That file is too large for me. Send a smaller photo or a shorter voice note.")


def group_help_text(lang: str) -> str:
    """What the bot does in a group."""
    return t(
        lang,
        "In groups: /join to enter the weekly league, /leave to quit, /leaderboard for the week. "
        "Admins: /setup and /groupsettings. Log meals with me in a private chat.",
    )


def private_only_text(lang: str, command: str | None) -> str:
    """Answer in a group to a personal command (``command``) or a meal: one line pointing to the private chat."""
    if command:
        return t(
            lang, "/{command} is personal: send it to me in a private chat, so your data stays there.", command=command
        )
    return t(lang, "I log meals in a private chat only, so nothing about you shows here: send it to me there.")
