"""Slash commands: one app command per conversation command, each with an optional free-text ``details``.

Descriptions come from bots/common and are translated for French Discord clients by :class:`Translator`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import discord
from discord import app_commands

from bots.common.discord_texts import DETAILS_DESCRIPTION, slash_descriptions
from bots.common.i18n import t
from bots.discord.identity import language_of

# Commands without a details option (they take no argument).
NO_DETAILS = frozenset(
    {"start", "help", "today", "undo", "join", "leave", "leaderboard", "setup", "streak", "rank", "trophies", "rules"}
)

Run = Callable[[discord.Interaction[Any], str, str], Awaitable[None]]


class Translator(app_commands.Translator):
    """Command and option descriptions in the Discord client's language (names stay English)."""

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        """The French text for French clients; None (the English default) otherwise."""
        lang = language_of(locale)
        if lang == "en" or context.location is app_commands.TranslationContextLocation.command_name:
            return None
        translated = t(lang, string.message)
        return translated if translated != string.message and len(translated) <= 100 else None


def slash_command(name: str, description: str, run: Run) -> app_commands.Command[Any, Any, None]:
    """An app command that hands ``/name details`` to ``run``."""
    if name in NO_DETAILS:

        async def plain(interaction: discord.Interaction[Any]) -> None:
            await run(interaction, name, "")

        return app_commands.Command(name=name, description=app_commands.locale_str(description), callback=plain)

    @app_commands.describe(details=app_commands.locale_str(DETAILS_DESCRIPTION))
    async def with_details(interaction: discord.Interaction[Any], details: str | None = None) -> None:
        await run(interaction, name, details or "")

    return app_commands.Command(name=name, description=app_commands.locale_str(description), callback=with_details)


def add_commands(tree: app_commands.CommandTree[Any], available: Iterable[str], run: Run) -> list[str]:
    """Add a slash command for every available command that has a description; their names in menu order."""
    present = set(available) | {"help", "start"}
    added = []
    for name, description in slash_descriptions().items():
        if name in present:
            tree.add_command(slash_command(name, description, run))
            added.append(name)
    return added
