"""The discord.py client: direct messages, server messages addressed to it, slash commands and button clicks.

Interaction model (see docs/discord.md): in a DM everything works — free text, photos and voice messages,
``/today``-style slash commands, and ``!today`` or ``/today`` typed as text. In a server channel the bot only
answers league commands, as slash commands, ``!join`` or ``@WinStreak join``. Buttons carry the reply's
tagged value as ``custom_id`` (see :mod:`bots.common.buttons`); a click is acknowledged by editing its message
(the buttons go, the choice is shown) and a click on an older message's button is answered as stale.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bots.common.conversation import Conversation
from bots.common.downloads import FileTooLarge
from bots.common.error_reply import apology_text, new_error_id
from bots.common.identity import ChatIdentity
from bots.common.messages import Reply
from bots.common.platform_texts import too_large_text, unsupported_text
from bots.discord.commands import Translator, add_commands
from bots.discord.files import media_of
from bots.discord.identity import identity_of_interaction, identity_of_message
from bots.discord.observe import message_kind, observed
from bots.discord.routing import Router
from bots.discord.sending import send_replies
from ops.metrics import ERRORS

log = logging.getLogger(__name__)
PREFIX = "!"
Reachable = Callable[[int], Awaitable[None]]


def intents() -> discord.Intents:
    """Guilds, messages and the privileged message-content intent (for ``!join`` in server channels)."""
    chosen = discord.Intents.default()
    chosen.message_content = True
    return chosen


def pressed_label(message: discord.Message | None, custom_id: str) -> str:
    """The label of the clicked button in the message's components."""
    for row in message.components if message else []:
        for item in getattr(row, "children", []):
            if getattr(item, "custom_id", None) == custom_id:
                return str(getattr(item, "label", "") or custom_id)
    return custom_id


class WinStreakBot(discord.Client):
    """The bot; ``on_private_message`` hears of every DM first (a user who writes again is reachable)."""

    def __init__(self, conversation: Conversation, *, on_private_message: Reachable | None = None, **options: Any):
        super().__init__(intents=intents(), **options)
        self.router = Router(conversation)
        self.on_private_message = on_private_message
        self.tree: app_commands.CommandTree[WinStreakBot] = app_commands.CommandTree(self)
        self.slash_names = add_commands(self.tree, conversation.commands, self.run_slash)
        self.tree.on_error = self.on_slash_error  # type: ignore[method-assign]

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        """An event handler raised: log it with an error id and apologise in the chat it came from."""
        error_id = new_error_id()
        log.exception("discord event failed", extra={"error_id": error_id, "event": event_method})
        ERRORS.labels("discord").inc()
        target = args[0] if args else None
        try:
            if isinstance(target, discord.Message):
                lang = identity_of_message(target).language
                await target.channel.send(apology_text(lang, error_id))
            elif isinstance(target, discord.Interaction):
                await self._apologise(target, error_id)
        except Exception:  # the apology is best effort; the failure itself is already logged
            log.warning("apology not sent", extra={"error_id": error_id}, exc_info=True)

    async def on_slash_error(self, interaction: discord.Interaction[Any], error: Exception) -> None:
        """A slash command raised: log it (with the traceback) and an error id, apologise to the user."""
        error_id = new_error_id()
        log.error("slash command failed", extra={"error_id": error_id}, exc_info=error)
        ERRORS.labels("discord").inc()
        try:
            await self._apologise(interaction, error_id)
        except Exception:
            log.warning("apology not sent", extra={"error_id": error_id}, exc_info=True)

    async def _apologise(self, interaction: discord.Interaction[Any], error_id: str) -> None:
        text = apology_text(identity_of_interaction(interaction).language, error_id)
        if interaction.response.is_done():
            await interaction.followup.send(text)
        else:
            await interaction.response.send_message(text)

    async def setup_hook(self) -> None:
        """Register the slash commands (global, English and French descriptions)."""
        await self.tree.set_translator(Translator())
        await self.tree.sync()

    def addressed(self, message: discord.Message) -> str | None:
        """A server message's command text when it starts with ``!`` or mentions the bot; None otherwise."""
        text = message.content.strip()
        if text.startswith(PREFIX):
            return text[len(PREFIX) :].strip()
        if self.user is not None and self.user in message.mentions:
            return re.sub(rf"<@!?{self.user.id}>", "", text).strip().lstrip("/")
        return None

    async def on_message(self, message: discord.Message) -> None:
        """A DM goes to the conversation; a server message only when addressed to the bot."""
        if message.author.bot:
            return
        identity = identity_of_message(message)
        if identity.is_group:
            text = self.addressed(message)
            if text is not None:
                async with observed("command", message.id):
                    manage = getattr(getattr(message.author, "guild_permissions", None), "manage_guild", False)
                    await send_replies(message.channel.send, await self.router.group(identity, text, bool(manage)))
            return
        async with observed(message_kind(message), message.id):
            await self.private_message(message, identity)

    async def private_message(self, message: discord.Message, identity: ChatIdentity) -> None:
        """A DM: its text (``!today`` read as ``/today``), photo or voice note to the conversation."""
        if self.on_private_message is not None:
            await self.on_private_message(identity.user_id)
        text = message.content.strip()
        if text.startswith(PREFIX):
            text = "/" + text[len(PREFIX) :]
        elif self.user is not None:
            text = re.sub(rf"<@!?{self.user.id}>", "", text).strip()
        try:
            photo, voice, unsupported = await media_of(message)
        except FileTooLarge:
            await send_replies(message.channel.send, [Reply(too_large_text(identity.language))])
            return
        if unsupported or not (text or photo or voice):
            await send_replies(message.channel.send, [Reply(unsupported_text(identity.language))])
            return
        async with message.channel.typing():
            replies = await self.router.answer(identity.incoming(text=text, photo=photo, voice=voice))
        await send_replies(message.channel.send, replies)

    async def run_slash(self, interaction: discord.Interaction[Any], name: str, details: str) -> None:
        """A slash command: "thinking…" at once, then the replies as follow-ups."""
        async with observed("command", interaction.id):
            identity = identity_of_interaction(interaction)
            await interaction.response.defer(thinking=True)
            if identity.is_group:
                manage = interaction.permissions.manage_guild
                replies = await self.router.group(identity, f"/{name} {details}", manage)
            else:
                replies = await self.router.answer(identity.incoming(text=f"/{name} {details}".strip()))
            await send_replies(interaction.followup.send, replies, wait=True)

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """A button click: show the choice in place of the buttons, then answer it like a message."""
        if interaction.type is not discord.InteractionType.component or not interaction.data:
            return
        async with observed("button", interaction.id):
            await self.pressed(interaction, str(interaction.data.get("custom_id", "")))

    async def pressed(self, interaction: discord.Interaction[Any], value: str) -> None:
        """The click on the button whose ``custom_id`` is ``value``."""
        identity = identity_of_interaction(interaction)
        message = interaction.message
        label = pressed_label(message, value)
        content = f"{message.content}\n\n✔ {label}" if message and message.content else f"✔ {label}"
        if not await self.router.conversation.press_is_current(identity.incoming(choice=value)):
            content = message.content if message and message.content else "·"  # stale: nothing was chosen
        await interaction.response.edit_message(content=content[:2000], view=None)
        if identity.is_group:
            replies = await self.router.group(identity, value, interaction.permissions.manage_guild, pressed=True)
        else:  # the conversation checks the button's tag: a stale one is answered and changes nothing
            replies = await self.router.answer(identity.incoming(choice=value))
        await send_replies(interaction.followup.send, replies, wait=True)
