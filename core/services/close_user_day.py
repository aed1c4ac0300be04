"""Use case: close one day for one user (idempotent) and say what happened as events."""

from __future__ import annotations

from datetime import date

from core.events import DayClosed, RankChanged, TrophyUnlocked
from core.model import UserId
from core.ports import ExerciseLog, GameUnitOfWork
from core.rules.energy import daily_target
from core.rules.exercise_budget import day_budget
from core.rules.game_rules import GameRules
from core.rules.player import PlayerStats, close
from core.rules.trophies import newly_unlocked

GameEvent = DayClosed | RankChanged | TrophyUnlocked


async def close_user_day(
    uow: GameUnitOfWork, user_id: UserId, day: date, rules: GameRules, exercise: ExerciseLog | None = None
) -> list[GameEvent]:
    """Close ``day`` for the user; no events when it was closed before or the user is not playing yet.

    A user plays from the first day they log a meal; a profile without a target cannot be judged. With the
    ``exercise`` log, the day is judged against its budget (target + exercise allowance, core.rules.exercise_budget).
    """
    burned, counts = 0, False
    if exercise is not None:  # read first: the exercise log has its own transactions (SQLite: one writer)
        entries, counts = await exercise.day_and_setting(user_id, day)
        burned = sum(entry.kcal for entry in entries)
    async with uow:
        user = await uow.users.get(user_id)
        if user is None or not user.active or not user.profile.is_complete:
            return []
        stats = await uow.game.stats(user_id) or PlayerStats()
        if stats.last_closed_day is not None and day <= stats.last_closed_day:
            return []
        tally = await uow.game.tally(user_id, day)
        if stats.last_closed_day is None and tally.meals == 0:
            return []
        profile = user.profile
        target = daily_target(profile, day.year).kcal
        target = day_budget(target, burned, counts)
        outcome = close(stats, day, tally, target, rules, profile.weight_kg, profile.height_cm)
        if not await uow.game.save_outcome(user_id, outcome):
            return []
        events: list[GameEvent] = [DayClosed(user_id, outcome)]
        if outcome.rank.after.step != outcome.rank.before.step:
            events.append(RankChanged(user_id, day, outcome.rank.before, outcome.rank.after))
        snapshot = outcome.stats.snapshot(profile.weight_kg, profile.height_cm)
        fresh = newly_unlocked(snapshot, set(await uow.game.unlocked(user_id)), rules)
        added = set(await uow.game.unlock(user_id, [t.code for t in fresh], day))
        events += [TrophyUnlocked(user_id, t, day) for t in fresh if t.code in added]
        await uow.commit()
        return events
