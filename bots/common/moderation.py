"""A conversation that turns away people an operator blocked (operators themselves are never turned away).

Use :class:`ModeratedConversation` wherever :class:`Conversation` is built. The block flag comes with the user
(``UserAccount.blocked``, read in the same statement as the user), so the check costs no query of its own.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from bots.common.conversation import CommandHandler, Conversation
from bots.common.deps import BotDeps
from bots.common.i18n import LANGUAGES, t
from bots.common.messages import Incoming, Reply
from core.model import UserAccount
from core.rules.admins import is_admin


def refusal_text(lang: str) -> str:
    """The polite answer to every message of a blocked user."""
    return t(lang, "Sorry, this account can't use WinStreak at the moment. Please contact the bot's operators.")


class ModeratedConversation(Conversation):
    """:class:`Conversation` plus the block check; blocked users' messages touch no chat state."""

    def __init__(
        self,
        deps: BotDeps,
        extra_commands: Mapping[str, CommandHandler] | None = None,
        *,
        admins: Collection[str] = (),
    ) -> None:
        super().__init__(deps, extra_commands)
        self.admins = frozenset(admins)

    def refusal(self, user: UserAccount, msg: Incoming) -> list[Reply] | None:
        """A refusal for blocked users (never for operators)."""
        if not user.blocked or is_admin(self.admins, msg.platform, msg.user_external_id):
            return None
        return [Reply(refusal_text(msg.language if msg.language in LANGUAGES else "en"))]
