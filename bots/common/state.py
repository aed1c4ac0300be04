"""Conversation state kept between messages: onboarding step and the estimate awaiting Save."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Protocol

from core.model import ItemSource, MealItem
from core.model.estimate import Estimate


@dataclass(slots=True)
class ChatState:
    """What the bot is waiting for from one person in one chat."""

    asking: str | None = None
    onboarding: bool = False
    pending: dict[str, Any] | None = None
    pending_since: str | None = None
    editing: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        """Serialise for the store."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> ChatState:
        """Deserialise; unknown or broken state starts afresh rather than failing."""
        if not text:
            return cls()
        try:
            data = json.loads(text)
            return cls(**{k: v for k, v in data.items() if k in cls.__slots__})
        except (ValueError, TypeError):
            return cls()


class StateStore(Protocol):
    """Where chat states live as JSON text (the database, so every replica sees the same)."""

    async def load(self, key: str) -> str | None: ...

    async def save(self, key: str, data: str, now: datetime) -> None: ...


def estimate_to_dict(estimate: Estimate, description: str, input_kind: str) -> dict[str, Any]:
    """A JSON-able form of a pending estimate."""
    return {
        "items": [{**asdict(i), "source": i.source.value} for i in estimate.items],
        "unparsed": list(estimate.unparsed),
        "transcript": estimate.transcript,
        "notes": list(estimate.notes),
        "description": description,
        "input_kind": input_kind,
    }


def estimate_from_dict(data: dict[str, Any]) -> Estimate:
    """Inverse of :func:`estimate_to_dict`."""
    items = tuple(MealItem(**{**i, "source": ItemSource(i["source"])}) for i in data["items"])
    return Estimate(items, tuple(data["unparsed"]), data.get("transcript"), tuple(data.get("notes", ())))
