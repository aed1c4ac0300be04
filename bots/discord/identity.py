"""Platform identity at the boundary: a Discord author and channel become a plain :class:`Identity`.

A direct message is a private chat; a guild (server) text channel is a group chat whose ``chat_id`` is the
channel id, so a league lives in the channel where ``/setup`` ran and the scheduler posts its results there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import discord

from bots.common.i18n import LANGUAGES
from bots.common.messages import Incoming

PLATFORM = "discord"


@dataclass(frozen=True, slots=True)
class Identity:
    """Who wrote, where, in which language; ``guild_name`` (server #channel) is empty in direct messages."""

    chat_id: int
    user_id: int
    display_name: str
    language: str
    is_group: bool
    guild_name: str = ""

    def incoming(self, **content: Any) -> Incoming:
        """An :class:`Incoming` from this identity plus the content (text, choice, photo, voice)."""
        return Incoming(
            PLATFORM,
            str(self.chat_id),
            str(self.user_id),
            self.display_name,
            language=self.language,
            is_group=self.is_group,
            **content,
        )


def language_of(locale: discord.Locale | str | None) -> str:
    """``Locale.french`` / ``"fr"`` / ``"en-US"`` → a supported language, else ``"en"``."""
    code = locale.value if isinstance(locale, discord.Locale) else (locale or "en")
    base = code.split("-", 1)[0].lower()
    return base if base in LANGUAGES else "en"


def group_title(guild_name: str, channel: object) -> str:
    """``"Gym Friends #general"``: a league is a channel, so its title names both (up to 128 characters)."""
    channel_name = getattr(channel, "name", None)
    return (f"{guild_name} #{channel_name}" if guild_name and channel_name else guild_name)[:128]


def _identity(user: discord.abc.User, channel_id: int, guild_id: int | None, guild_name: str, lang: str) -> Identity:
    name = (user.display_name or user.name or "friend")[:64]
    return Identity(channel_id, user.id, name, lang, is_group=guild_id is not None, guild_name=guild_name)


def identity_of_message(message: discord.Message) -> Identity:
    """The identity of a message's author (messages carry no locale: English until the profile says otherwise)."""
    guild = message.guild
    title = group_title(guild.name if guild else "", message.channel)
    return _identity(message.author, message.channel.id, guild.id if guild else None, title, "en")


def identity_of_interaction(interaction: discord.Interaction[Any]) -> Identity:
    """The identity behind a slash command or button click, in the user's Discord language."""
    channel_id = interaction.channel_id or interaction.user.id
    guild = interaction.guild
    title = group_title((guild.name or "") if guild is not None else "", interaction.channel)
    return _identity(interaction.user, channel_id, interaction.guild_id, title, language_of(interaction.locale))
