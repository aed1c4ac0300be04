"""Texts only the Discord adapter shows (slash-command descriptions, group help), shared here like every reply."""

from __future__ import annotations

from bots.common.i18n import N_, t
from bots.common.platform_texts import COMMAND_DESCRIPTIONS

GROUP_DESCRIPTIONS: dict[str, str] = {
    "setup": N_("Put this channel in the weekly leagues (Manage Server)"),
    "join": N_("Enter this channel's weekly league"),
    "leave": N_("Leave this channel's league"),
    "groupsettings": N_("League settings of this channel (Manage Server)"),
}
DETAILS_DESCRIPTION = N_("What follows the command, e.g. 80.5 for /weight")


def slash_descriptions() -> dict[str, str]:
    """Every command the Discord bot can register, with its English description (menu order)."""
    return {**COMMAND_DESCRIPTIONS, **GROUP_DESCRIPTIONS}


def discord_group_help(lang: str) -> str:
    """What the bot does in a server channel."""
    return t(
        lang,
        "In a server: /join to enter this channel's weekly league, /leave to quit, /leaderboard for the week "
        "(or write !join, or mention me). Members with Manage Server: /setup and /groupsettings. "
        "Log meals with me in a direct message.",
    )


def discord_not_admin(lang: str, command: str) -> str:
    """Refusal of an admin-only command in a server."""
    return t(lang, "Only members with the Manage Server permission can use /{command}.", command=command)


def discord_failure_text(lang: str) -> str:
    """Answer when handling a message failed unexpectedly (the error is logged)."""
    return t(lang, "Something went wrong on my side. Please try again in a moment.")
