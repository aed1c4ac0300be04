"""The real clock: the adapter of :class:`core.ports.Clock` that the running processes use (tests pass fakes)."""

from __future__ import annotations

from datetime import UTC, datetime


class SystemClock:
    """The real time, in UTC."""

    def now(self) -> datetime:
        """Now."""
        return datetime.now(UTC)
