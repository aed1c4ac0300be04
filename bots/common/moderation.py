"""A conversation that first turns away people an operator blocked (operators themselves are never turned away).

Use :class:`ModeratedConversation` wherever :class:`Conversation` is built; it adds one indexed lookup per
message and changes nothing else.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Protocol

from bots.common.conversation import CommandHandler, Conversation
from bots.common.deps import BotDeps
from bots.common.i18n import LANGUAGES, t
from bots.common.messages import Incoming, Reply
from core.rules.admins import is_admin


class BlockList(Protocol):
    """Whether the user behind a platform identity is blocked."""

    async def is_blocked(self, platform: str, external_id: str) -> bool: ...


def refusal_text(lang: str) -> str:
    """The polite answer to every message of a blocked user."""
    return t(lang, "Sorry, this account can't use WinStreak at the moment. Please contact the bot's operators.")


class ModeratedConversation(Conversation):
    """:class:`Conversation` plus the block check; blocked users' messages touch no state."""

    def __init__(
        self,
        deps: BotDeps,
        extra_commands: Mapping[str, CommandHandler] | None = None,
        *,
        blocks: BlockList,
        admins: Collection[str] = (),
    ) -> None:
        super().__init__(deps, extra_commands)
        self.blocks = blocks
        self.admins = frozenset(admins)

    async def handle(self, msg: Incoming) -> list[Reply]:
        """A refusal for blocked users, the normal conversation for everyone else."""
        if not is_admin(self.admins, msg.platform, msg.user_external_id) and await self.blocks.is_blocked(
            msg.platform, msg.user_external_id
        ):
            return [Reply(refusal_text(msg.language if msg.language in LANGUAGES else "en"))]
        return await super().handle(msg)
