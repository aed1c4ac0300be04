"""Weekly history: one Monday–Sunday week of a user with each day's result, the numbers and a tip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from core.errors import UnknownUser
from core.model import UserAccount, UserId
from core.ports import Clock, UnitOfWork
from core.progress.tips import Tip, pick_tip
from core.progress.week import DayRow, WeekStats, day_rows, statuses_over, streak, week_stats
from core.progress.weeks import days_between, week_bounds, week_days, week_start
from core.rules.days import local_day
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.rules.grace import closable_through

LOOKBACK_DAYS = 371  # streaks are counted up to a year back
TIP_WEEKS = 8


@dataclass(frozen=True, slots=True)
class WeekReport:
    """A week of history as charts and texts need it."""

    user: UserAccount
    monday: date
    today: date
    weeks_back: int
    target_kcal: int | None
    days: tuple[DayRow, ...]
    stats: WeekStats
    tip: Tip
    has_earlier: bool

    @property
    def sunday(self) -> date:
        """Last day of the week."""
        return self.monday + timedelta(days=6)


async def weekly_history(
    uow: UnitOfWork,
    clock: Clock,
    user_id: UserId,
    weeks_back: int = 0,
    *,
    day: date | None = None,
    rules: GameRules | None = None,
) -> WeekReport:
    """The week ``weeks_back`` weeks before the current one (or the week holding ``day``).

    A past day still in its grace period (``rules``) is in progress like today: it counts in no result yet.
    """
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        now = clock.now()
        today = local_day(now, user.profile.timezone)
        if day is not None:
            monday = week_start(day)
            weeks_back = max(0, (week_start(today) - monday).days // 7)
        else:
            monday, _ = week_bounds(today, weeks_back)
        sunday = monday + timedelta(days=6)
        start = sunday - timedelta(days=LOOKBACK_DAYS)
        totals = {t.day: t for t in await uow.meals.daily_totals(user_id, start, sunday)}
        weights = await uow.weights.history(user_id)
    target = daily_target(user.profile, now.year).kcal if user.profile.is_complete else None
    active = [*totals, *(w.local_day for w in weights), local_day(user.created_at, user.profile.timezone)]
    first_day = min(active)
    open_from = closable_through(user.profile.timezone, now, rules or GameRules()) + timedelta(days=1)
    rows = day_rows(week_days(monday), totals, today, target, first_day, open_from)
    statuses = statuses_over(start, sunday, totals, today, target, first_day, open_from)
    streak_days = streak(statuses, min(sunday, today))
    tip_days = days_between(max(start, sunday - timedelta(weeks=TIP_WEEKS) + timedelta(days=1)), sunday)
    tip = pick_tip(day_rows(tip_days, totals, today, target, first_day, open_from))
    return WeekReport(
        user=user,
        monday=monday,
        today=today,
        weeks_back=weeks_back,
        target_kcal=target,
        days=tuple(rows),
        stats=week_stats(rows, weights, streak_days),
        tip=tip,
        has_earlier=first_day < monday,
    )
