"""In-memory :class:`core.ports.ExerciseLog`."""

from __future__ import annotations

import dataclasses
from datetime import date

from core.model import UserId
from core.model.exercise import ExerciseEntry


class MemoryExerciseLog:
    """Exercises and the "exercise counts" setting in dictionaries."""

    def __init__(self) -> None:
        self.entries: list[ExerciseEntry] = []
        self.settings: dict[UserId, bool] = {}

    async def add(self, entry: ExerciseEntry) -> ExerciseEntry:
        """Store with the next id."""
        stored = dataclasses.replace(entry, id=len(self.entries) + 1)
        self.entries.append(stored)
        return stored

    async def on_day(self, user_id: UserId, day: date) -> list[ExerciseEntry]:
        """The user's entries of ``day``, oldest first."""
        return [e for e in self.entries if e.user_id == user_id and e.local_day == day]

    async def delete(self, user_id: UserId, entry_id: int) -> bool:
        """Remove the user's entry; False when there is none with that id."""
        kept = [e for e in self.entries if not (e.user_id == user_id and e.id == entry_id)]
        removed = len(kept) != len(self.entries)
        self.entries = kept
        return removed

    async def update(self, entry: ExerciseEntry) -> bool:
        """Replace the user's entry with the same id; False when there is none."""
        for n, old in enumerate(self.entries):
            if old.user_id == entry.user_id and old.id == entry.id and entry.id is not None:
                self.entries[n] = entry
                return True
        return False

    async def counts_in_budget(self, user_id: UserId) -> bool:
        """Off unless set."""
        return self.settings.get(user_id, False)

    async def day_and_setting(self, user_id: UserId, day: date) -> tuple[list[ExerciseEntry], bool]:
        """The day's entries and the setting."""
        return await self.on_day(user_id, day), await self.counts_in_budget(user_id)

    async def set_counts_in_budget(self, user_id: UserId, on: bool) -> None:
        """Remember the choice."""
        self.settings[user_id] = on
