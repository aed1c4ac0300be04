"""Use case: remove the last exercise the user logged today (a mistake is one command away)."""

from __future__ import annotations

from core.errors import NothingToUndo
from core.model import UserAccount
from core.model.exercise import ExerciseEntry
from core.ports import Clock, ExerciseLog
from core.rules.days import local_day
from core.text import N_


async def undo_last_exercise(log: ExerciseLog, clock: Clock, user: UserAccount) -> ExerciseEntry:
    """Delete and return today's last exercise; :class:`NothingToUndo` when today has none."""
    today = await log.on_day(user.id, local_day(clock.now(), user.profile.timezone))
    if not today or today[-1].id is None or not await log.delete(user.id, today[-1].id):
        raise NothingToUndo(N_("There is no exercise today to remove."))
    return today[-1]
