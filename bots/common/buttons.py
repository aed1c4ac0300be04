"""Buttons bound to the message they were shown under.

Every button value leaves the conversation as ``VALUE|TAG``. The tag is fresh each time buttons of one *slot*
are shown (``estimate`` for Save / Edit / Cancel, ``ask`` for an onboarding question, otherwise the command a
value runs: ``food``, ``deleteme``, ``admin``, ``history``, ...). The chat state keeps, per slot, the newest tag
and what it was shown for (the pending estimate, the question asked). A press counts only when both still
match; a press on an older message, or forged data, is answered as stale and changes nothing.
"""

from __future__ import annotations

import dataclasses
import secrets
from typing import Any

from bots.common.messages import Button, Reply
from bots.common.state import ChatState

SEPARATOR = "|"
TAG_BYTES = 4  # 6 URL-safe characters: the tag and separator cost 7 of Telegram's 64 callback bytes
EXTRA_KEY = "buttons"
ESTIMATE_CHOICES = ("save", "edit", "cancel")
# Buttons the outbox sends (a Monday summary's "/history 1") are shown outside a conversation and carry no tag;
# a press of one of these read-only commands runs it. Anything else without a tag is refused.
UNBOUND_COMMANDS = frozenset({"history", "rules", "today", "help", "streak", "rank", "trophies", "leaderboard"})


def split_tag(data: str) -> tuple[str, str | None]:
    """``"save|Ab3_x9"`` → ``("save", "Ab3_x9")``; data without a tag → ``(data, None)``."""
    value, separator, tag = data.rpartition(SEPARATOR)
    if not separator or not tag:
        return data, None
    return value, tag


def slot_of(value: str) -> str:
    """What kind of thing a button value acts on."""
    if value.startswith("/"):
        return value[1:].split(" ", 1)[0].split("@", 1)[0].lower() or "command"
    if value in ESTIMATE_CHOICES:
        return "estimate"
    return "ask"


def context_of(state: ChatState, slot: str) -> str:
    """What buttons of ``slot`` act on right now: the pending estimate, the question asked."""
    if slot == "estimate":
        return str(state.pending_since) if state.pending else "none"
    if slot == "ask":
        return state.asking or "none"
    return ""


def _bound(state: ChatState) -> dict[str, Any]:
    stored = state.extra.get(EXTRA_KEY)
    if not isinstance(stored, dict):
        stored = {}
        state.extra[EXTRA_KEY] = stored
    return stored


def is_current(state: ChatState, data: str) -> bool:
    """Whether a pressed button's data belongs to the newest buttons of its slot, still about the same thing."""
    value, tag = split_tag(data)
    slot = slot_of(value)
    if tag is None:
        return value.startswith("/") and slot in UNBOUND_COMMANDS
    entry = _bound(state).get(slot)
    if not isinstance(entry, list) or len(entry) != 2:
        return False
    return secrets.compare_digest(str(entry[0]), tag) and entry[1] == context_of(state, slot)


def bind(state: ChatState, replies: list[Reply]) -> list[Reply]:
    """Tag every button of ``replies`` and remember the tags (call after the state reached its new shape)."""
    tags: dict[str, str] = {}
    stored = _bound(state)

    def tagged(button: Button) -> Button:
        slot = slot_of(button.value)
        if slot not in tags:
            tags[slot] = secrets.token_urlsafe(TAG_BYTES)
            stored[slot] = [tags[slot], context_of(state, slot)]
        return dataclasses.replace(button, value=f"{button.value}{SEPARATOR}{tags[slot]}")

    return [
        dataclasses.replace(reply, buttons=tuple(tuple(tagged(b) for b in row) for row in reply.buttons))
        if reply.buttons
        else reply
        for reply in replies
    ]


def untagged(data: str) -> str:
    """The button value without its tag (for matching typed words and group command filters)."""
    return split_tag(data)[0]
