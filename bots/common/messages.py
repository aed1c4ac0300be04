"""Platform-neutral messages in and replies out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Button:
    """A choice under a reply: ``label`` is shown, ``value`` comes back when chosen."""

    label: str
    value: str


def state_key(platform: str, chat_id: str, user_external_id: str) -> str:
    """Key of a person's conversation state in one chat (``chat_states.key``; /deleteme matches its shape)."""
    return f"{platform}:{chat_id}:{user_external_id}"


@dataclass(frozen=True, slots=True)
class Incoming:
    """One message from a person, already translated from the platform's types."""

    platform: str
    chat_id: str
    user_external_id: str
    display_name: str
    text: str = ""
    choice: str | None = None
    photo: bytes | None = None
    voice: bytes | None = None
    language: str = "en"
    is_group: bool = False

    @property
    def state_key(self) -> str:
        """Key of this person's conversation state in this chat."""
        return state_key(self.platform, self.chat_id, self.user_external_id)


@dataclass(frozen=True, slots=True)
class Reply:
    """One answer: text, optional buttons (rows of one or more), optional PNG image or file to download."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = field(default=())
    image: bytes | None = None
    image_name: str = "image.png"
    document: bytes | None = None
    document_name: str = "file.txt"

    @property
    def flat_buttons(self) -> list[Button]:
        """All buttons in reading order (the terminal numbers them this way)."""
        return [b for row in self.buttons for b in row]
