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
    """Events of the days closed now (none when every due day was closed already).

    One short look first: a person who cannot play yet (no complete profile) or whose due days hold no meal
    before their first closed day has nothing to close, so the common case costs one transaction.
    """
    last = closable_through(tz_name, clock.now(), rules)
    start = last - timedelta(days=LOOK_BACK_DAYS - 1)
    async with uow() as game:
        user = await game.users.get(user_id)
        if user is None or not user.active or not user.profile.is_complete:
            return []
        stats = await game.game.stats(user_id)
        if stats is not None and stats.last_closed_day is not None:
            start = max(start, stats.last_closed_day + timedelta(days=1))
        else:  # not playing yet: the game starts with the first day that has a meal
            while start <= last and (await game.game.tally(user_id, start)).meals == 0:
                start += timedelta(days=1)
    events: list[GameEvent] = []
    day = start
    while day <= last:
        events += await close_user_day(uow(), user_id, day, rules, exercise)
        day += timedelta(days=1)
    return events
