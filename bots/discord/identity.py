"""Platform identity at the boundary: a Discord author and channel become a plain :class:`ChatIdentity`.

A direct message is a private chat; a guild (server) text channel is a group chat whose ``chat_id`` is the
channel id, so a league lives in the channel where ``/setup`` ran and the scheduler posts its results there;
the identity's ``title`` is then "server #channel".
"""

from __future__ import annotations

from typing import Any

import discord

from bots.common.identity import ChatIdentity, shown_name, supported_language

PLATFORM = "discord"


def language_of(locale: discord.Locale | str | None) -> str:
    """``Locale.french`` / ``"fr"`` / ``"en-US"`` → a supported language, else ``"en"``."""
    return supported_language(locale.value if isinstance(locale, discord.Locale) else locale)


def group_title(guild_name: str, channel: object) -> str:
    """``"Gym Friends #general"``: a league is a channel, so its title names both (up to 128 characters)."""
    channel_name = getattr(channel, "name", None)
    return (f"{guild_name} #{channel_name}" if guild_name and channel_name else guild_name)[:128]


def _identity(user: discord.abc.User, channel_id: int, guild_id: int | None, title: str, lang: str) -> ChatIdentity:
    name = shown_name(user.display_name, user.name)
    return ChatIdentity(PLATFORM, channel_id, user.id, name, lang, is_group=guild_id is not None, title=title)


def identity_of_message(message: discord.Message) -> ChatIdentity:
    """The identity of a message's author (messages carry no locale: English until the profile says otherwise)."""
    guild = message.guild
    title = group_title(guild.name if guild else "", message.channel)
    return _identity(message.author, message.channel.id, guild.id if guild else None, title, "en")


def identity_of_interaction(interaction: discord.Interaction[Any]) -> ChatIdentity:
    """The identity behind a slash command or button click, in the user's Discord language."""
    channel_id = interaction.channel_id or interaction.user.id
    guild = interaction.guild
    title = group_title((guild.name or "") if guild is not None else "", interaction.channel)
    return _identity(interaction.user, channel_id, interaction.guild_id, title, language_of(interaction.locale))
