"""Port of exercise: the logged exercises and the setting that decides whether they raise the day's budget."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from core.model import UserId
from core.model.exercise import ExerciseEntry


class ExerciseLog(Protocol):
    """Exercises and the per-user "exercise counts" setting; every call is its own transaction."""

    async def add(self, entry: ExerciseEntry) -> ExerciseEntry: ...

    async def on_day(self, user_id: UserId, day: date) -> list[ExerciseEntry]: ...

    async def delete(self, user_id: UserId, entry_id: int) -> bool: ...

    async def update(self, entry: ExerciseEntry) -> bool: ...

    async def counts_in_budget(self, user_id: UserId) -> bool: ...

    async def day_and_setting(self, user_id: UserId, day: date) -> tuple[list[ExerciseEntry], bool]:
        """:meth:`on_day` and :meth:`counts_in_budget` read together (one transaction)."""
        ...

    async def set_counts_in_budget(self, user_id: UserId, on: bool) -> None: ...
