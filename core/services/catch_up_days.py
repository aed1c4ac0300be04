"""Close every day of one user that is due, oldest first, and say what happened (for the terminal chat).

The terminal has no scheduler: it calls this when it starts and after each reply, so its user hears the day's
result, rank changes and trophies like a Telegram or Discord user would. Closing is the same idempotent use case
the scheduler's close-out applies, so a day is never judged twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from core.model import UserId
from core.ports import Clock, ExerciseLog, GameUnitOfWork
from core.rules.game_rules import GameRules
from core.rules.grace import closable_through
from core.services.close_user_day import GameEvent, close_user_day

LOOK_BACK_DAYS = 14


async def catch_up(
    uow: Callable[[], GameUnitOfWork],
    clock: Clock,
    rules: GameRules,
    user_id: UserId,
    tz_name: str,
    exercise: ExerciseLog | None = None,
) -> list[GameEvent]:
    """Events of the days closed now (none when every due day was closed already)."""
    async with uow() as game:
        stats = await game.game.stats(user_id)
    last = closable_through(tz_name, clock.now(), rules)
    start = last - timedelta(days=LOOK_BACK_DAYS - 1)
    if stats is not None and stats.last_closed_day is not None:
        start = max(start, stats.last_closed_day + timedelta(days=1))
    events: list[GameEvent] = []
    day = start
    while day <= last:
        events += await close_user_day(uow(), user_id, day, rules, exercise)
        day += timedelta(days=1)
    return events
