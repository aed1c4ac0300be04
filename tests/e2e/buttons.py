"""The labels of a sent message's buttons, as the e2e tests read them from either platform's stand-in."""

from __future__ import annotations

from typing import Protocol


class WithButtons(Protocol):
    """A recorded Telegram call or Discord message: its buttons as (label, data) pairs."""

    @property
    def buttons(self) -> list[tuple[str, str]]: ...


def labels(message: WithButtons) -> list[str]:
    """The labels of ``message``'s buttons, row by row."""
    return [label for label, _ in message.buttons]
