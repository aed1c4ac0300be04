"""What every Discord event does once translated: serialize per person and chat, ask the conversation, reply.

Direct messages go to the whole conversation. In a server channel only the league commands are passed on
(admin-only ones need the Manage Server permission); anything else addressed to the bot gets the group help.
"""

from __future__ import annotations

import logging

from bots.common.buttons import untagged
from bots.common.conversation import Conversation, split_command
from bots.common.discord_texts import discord_group_help, discord_not_admin
from bots.common.error_reply import apology_text, new_error_id
from bots.common.flows.groups import ADMIN_COMMANDS, GROUP_COMMANDS
from bots.common.identity import ChatIdentity
from bots.common.keyed_locks import KeyedLocks
from bots.common.messages import Incoming, Reply
from bots.common.platform_texts import private_only_text
from bots.discord.observe import mark_failed
from ops.metrics import ERRORS

log = logging.getLogger(__name__)


class Router:
    """Turns identities and texts into conversation replies, one message at a time per person and chat."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.locks = KeyedLocks()

    async def answer(self, incoming: Incoming) -> list[Reply]:
        """The conversation's replies to one message (its state is read and written under the lock)."""
        async with self.locks.hold(incoming.state_key):
            try:
                return await self.conversation.handle(incoming)
            except Exception:  # an answer is owed (a slash command would show "thinking…" for ever)
                error_id = new_error_id()
                log.exception("conversation failed on a Discord message", extra={"error_id": error_id})
                ERRORS.labels("discord").inc()
                mark_failed()
                return [Reply(apology_text(incoming.language, error_id))]

    async def group(self, identity: ChatIdentity, text: str, is_admin: bool, *, pressed: bool = False) -> list[Reply]:
        """A command in a server channel: league commands after the admin check, the group help otherwise.

        ``pressed``: ``text`` is a clicked button's tagged value (checked by the conversation); ``/admin`` goes
        to the conversation, which tells an operator to use a private chat.
        """
        value = untagged(text) if pressed else text
        command = split_command(value if value.startswith("/") else f"/{value}")
        lang = identity.language
        if command is not None and command[0] == "admin" and not pressed:
            return await self.answer(identity.incoming(text=f"/admin {command[1]}".strip()))
        if command is not None and command[0] in self.conversation.commands and command[0] not in GROUP_COMMANDS:
            if command[0] in ("help", "start"):
                return [Reply(discord_group_help(lang))]
            return [Reply(private_only_text(lang, command[0]))]  # a personal command: never answered here
        if command is None or command[0] not in GROUP_COMMANDS or command[0] not in self.conversation.commands:
            return [Reply(private_only_text(lang, None) if value.strip() else discord_group_help(lang))]
        name, args = command
        if name in ADMIN_COMMANDS and not is_admin:
            return [Reply(discord_not_admin(lang, name))]
        if pressed:
            return await self.answer(identity.incoming(choice=text))
        if name == "setup":
            args = identity.title  # "server #channel", stored as the league's title
        return await self.answer(identity.incoming(text=f"/{name} {args}".strip()))
