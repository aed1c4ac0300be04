"""Use cases: the exercise of an open day — list a day's, delete one, change one's time or distance.

The rule is the one meals follow (``core.rules.open_days``): today, and yesterday until its close-out, take
exercise; after the close-out a day is final (its result, streak and RP are settled), so its exercise can no
longer be added, changed or deleted. Logging for yesterday is ``log_exercise(..., day=...)``, which checks the
same rule through :func:`check_open`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta

from core.errors import InvalidValue
from core.exercise.burn import Burn
from core.model import UserAccount
from core.model.exercise import ExerciseEntry
from core.ports import Clock, ExerciseLog
from core.rules.days import local_day
from core.rules.game_rules import GameRules
from core.rules.open_days import is_open
from core.text import N_

CLOSED = N_("{day} is closed: after its close-out a day is final, so its exercise can no longer change. See /rules.")
GONE = N_("That exercise is no longer there (deleted, or its day is closed). Send /exercise to see today's.")


@dataclass(frozen=True, slots=True)
class ExerciseList:
    """A day's exercises, oldest first, and whether they may still change."""

    day: date
    entries: tuple[ExerciseEntry, ...]
    is_open: bool


def check_open(day: date, user: UserAccount, clock: Clock, rules: GameRules) -> None:
    """Raise :class:`InvalidValue` (``CLOSED``) unless ``day`` still takes exercise."""
    if not is_open(day, user.profile.timezone, clock.now(), rules):
        raise InvalidValue("day", CLOSED, day=day.isoformat())


async def exercise_list(log: ExerciseLog, clock: Clock, rules: GameRules, user: UserAccount, day: date) -> ExerciseList:
    """The user's exercises of ``day`` (any day may be read; only an open one may change)."""
    entries = tuple(await log.on_day(user.id, day))
    return ExerciseList(day, entries, is_open(day, user.profile.timezone, clock.now(), rules))


async def open_entry(
    log: ExerciseLog, clock: Clock, rules: GameRules, user: UserAccount, entry_id: int
) -> ExerciseEntry:
    """The user's exercise ``entry_id`` when it is on an open day; else :class:`InvalidValue` (``GONE``)."""
    today = local_day(clock.now(), user.profile.timezone)
    for day in (today, today - timedelta(days=1)):
        if not is_open(day, user.profile.timezone, clock.now(), rules):
            continue
        for entry in await log.on_day(user.id, day):
            if entry.id == entry_id:
                return entry
    raise InvalidValue("exercise", GONE)


async def delete_exercise(
    log: ExerciseLog, clock: Clock, rules: GameRules, user: UserAccount, entry_id: int
) -> ExerciseEntry:
    """Delete the user's exercise ``entry_id`` of an open day; returns it."""
    entry = await open_entry(log, clock, rules, user, entry_id)
    if entry.id is None or not await log.delete(user.id, entry.id):
        raise InvalidValue("exercise", GONE)
    return entry


async def change_exercise(
    log: ExerciseLog, clock: Clock, rules: GameRules, user: UserAccount, entry_id: int, estimate: Burn
) -> tuple[ExerciseEntry, ExerciseEntry]:
    """Give the exercise ``entry_id`` (of an open day) the new time, distance and kcal; returns before and after.

    It keeps its day, the moment it was logged and its id, so it stays where it was in the day's list.
    """
    before = await open_entry(log, clock, rules, user, entry_id)
    after = dataclasses.replace(
        before,
        activity=estimate.activity.key,
        met=estimate.activity.met,
        minutes=estimate.minutes,
        distance_km=estimate.distance_km,
        weight_kg=estimate.weight_kg,
        kcal=estimate.kcal,
    )
    if not await log.update(after):
        raise InvalidValue("exercise", GONE)
    return before, after
