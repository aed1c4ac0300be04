"""Who wrote, where, in which language: the platform-neutral identity every chat adapter builds at its boundary.

Telegram and Discord each turn their own user and chat types into a :class:`ChatIdentity`; handlers then make
an :class:`~bots.common.messages.Incoming` from it, so nothing past the adapter sees aiogram or discord.py types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bots.common.i18n import LANGUAGES
from bots.common.messages import Incoming, state_key

NAME_LIMIT = 64
"""Longest display name kept (the users and group members tables store 64 characters)."""


@dataclass(frozen=True, slots=True)
class ChatIdentity:
    """A person in a chat on one platform; ``title`` names a group chat (empty in a private chat)."""

    platform: str
    chat_id: int
    user_id: int
    display_name: str
    language: str
    is_group: bool
    title: str = ""

    @property
    def state_key(self) -> str:
        """The key of this person's conversation state in this chat (as :attr:`Incoming.state_key`)."""
        return state_key(self.platform, str(self.chat_id), str(self.user_id))

    def incoming(self, **content: Any) -> Incoming:
        """An :class:`Incoming` from this identity plus the message content (text, choice, photo, voice)."""
        return Incoming(
            self.platform,
            str(self.chat_id),
            str(self.user_id),
            self.display_name,
            language=self.language,
            is_group=self.is_group,
            **content,
        )


def supported_language(code: str | None) -> str:
    """``"fr-CA"`` → ``"fr"``; anything unsupported (or nothing) → ``"en"``."""
    base = (code or "en").split("-", 1)[0].lower()
    return base if base in LANGUAGES else "en"


def shown_name(*candidates: str | None) -> str:
    """The first non-empty candidate, cut to :data:`NAME_LIMIT` characters; ``"friend"`` when all are empty."""
    return next((name for name in candidates if name), "friend")[:NAME_LIMIT]
