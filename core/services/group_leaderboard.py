"""The week's leaderboard of a group: opted-in members only, ranked by days logged this week.

Interim scoring until the leagues feature supplies weekly points: one point a day with a logged meal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from core.errors import WinStreakError
from core.ports import Clock, GroupStore, UnitOfWork
from core.rules.days import local_day
from core.text import N_


@dataclass(frozen=True, slots=True)
class LeaderboardLine:
    """One member's place: nickname and points only (never meals, weight or BMI)."""

    place: int
    nickname: str
    points: int


async def group_leaderboard(
    uow: UnitOfWork, clock: Clock, groups: GroupStore, platform: str, chat_id: str
) -> list[LeaderboardLine]:
    """Members ranked by points this week (Monday to today in the group's time zone)."""
    group = await groups.get(platform, chat_id)
    if group is None:
        raise WinStreakError(N_("This group is not in the leagues yet: a group admin sends /setup first."))
    today = local_day(clock.now(), group.timezone)
    week = [today - timedelta(days=n) for n in range(today.weekday() + 1)]
    scored: list[tuple[int, str]] = []
    async with uow:
        for member in await groups.members(group.id):
            days = [day for day in week if await uow.meals.on_day(member.user_id, day)]
            scored.append((len(days), member.nickname))
    scored.sort(key=lambda pair: (-pair[0], pair[1].lower()))
    return [LeaderboardLine(n, name, points) for n, (points, name) in enumerate(scored, 1)]
