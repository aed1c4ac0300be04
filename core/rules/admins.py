"""Who may administer the bot (``platform:id`` identities) and what a broadcast or a user id must look like."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from core.errors import InvalidValue
from core.model.ids import UserId
from core.text import N_

PLATFORMS = ("telegram", "discord", "console")
NUMERIC_PLATFORMS = ("telegram", "discord")
MAX_BROADCAST_CHARS = 3500  # Telegram allows 4096 per message; room is left for translation-free framing


def parse_admins(value: str | Iterable[str]) -> tuple[str, ...]:
    """``"telegram:1, discord:2"`` (or a list of entries) → normalised entries; ValueError names the bad one."""
    entries = value.replace(";", ",").split(",") if isinstance(value, str) else list(value)
    found: list[str] = []
    for raw in entries:
        entry = str(raw).strip()
        if not entry:
            continue
        platform, sep, external_id = entry.partition(":")
        platform, external_id = platform.strip().lower(), external_id.strip()
        if not sep or not external_id or any(c.isspace() for c in external_id) or len(external_id) > 64:
            raise ValueError(f"{entry!r} is not platform:id (e.g. telegram:12345)")
        if platform not in PLATFORMS:
            raise ValueError(f"{entry!r}: unknown platform {platform!r} (use {', '.join(PLATFORMS)})")
        if platform in NUMERIC_PLATFORMS and not external_id.isdigit():
            raise ValueError(f"{entry!r}: a {platform} id is a number")
        if f"{platform}:{external_id}" not in found:
            found.append(f"{platform}:{external_id}")
    return tuple(found)


def is_admin(admins: Collection[str], platform: str, external_id: str) -> bool:
    """True when exactly this platform identity is listed (a linked account does not inherit the right)."""
    return f"{platform}:{external_id}" in admins


def broadcast_text(text: str) -> str:
    """The text to broadcast, stripped; InvalidValue when empty or too long for one chat message."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidValue("broadcast", N_("Write the message after the command: /admin broadcast TEXT"))
    if len(cleaned) > MAX_BROADCAST_CHARS:
        raise InvalidValue(
            "broadcast",
            N_("That message has {length} characters; the limit is {limit}."),
            length=len(cleaned),
            limit=MAX_BROADCAST_CHARS,
        )
    return cleaned


def user_id(text: str) -> UserId:
    """A user number as typed by an operator; InvalidValue otherwise."""
    cleaned = text.strip().lstrip("#")
    if not cleaned.isdigit() or len(cleaned) > 12 or int(cleaned) == 0:
        raise InvalidValue("user", N_("Give a user number, e.g. /admin user 42."))
    return UserId(int(cleaned))
