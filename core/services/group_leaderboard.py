"""The week's leaderboard of a group: opted-in members ranked by RP earned this week.

One ranking for the ``/leaderboard`` command and the scheduled daily group post, so the two never disagree:
RP earned from Monday to the given day (closed days only), then more total RP, then the earlier account —
the tie rule of the league week result too (:func:`core.rules.leagues.ordered`).
"""

from __future__ import annotations

from datetime import date, timedelta

from core.errors import WinStreakError
from core.model import UserId
from core.model.group import GroupMember
from core.model.notifications import BoardLine
from core.ports import Clock, GameUnitOfWork, GroupStore
from core.rules.days import local_day
from core.text import N_


def rank_board(
    members: list[GroupMember],
    earned: dict[UserId, tuple[int, int]],
    streaks: dict[UserId, int],
    leagues: dict[UserId, int],
) -> list[BoardLine]:
    """Members best first: most RP this week, then most total RP, then the earlier account (as league results).

    ``earned`` maps a user to (RP earned this week, RP total); anyone missing has neither yet.
    """

    def week(member: GroupMember) -> int:
        return earned.get(member.user_id, (0, 0))[0]

    def streak(member: GroupMember) -> int:
        return streaks.get(member.user_id, 0)

    def total(member: GroupMember) -> int:
        return earned.get(member.user_id, (0, 0))[1]

    ranked = sorted(members, key=lambda m: (-week(m), -total(m), int(m.user_id)))
    return [
        BoardLine(
            place=place,
            nickname=m.nickname,
            week_rp=week(m),
            streak=streak(m),
            rp=earned.get(m.user_id, (0, 0))[1],
            league=leagues.get(m.user_id, 0),
        )
        for place, m in enumerate(ranked, start=1)
    ]


def week_start(day: date) -> date:
    """Monday of the league week holding ``day``."""
    return day - timedelta(days=day.weekday())


async def week_board(uow: GameUnitOfWork, groups: GroupStore, group_id: int, day: date) -> list[BoardLine]:
    """The group's board on ``day``: its opted-in members, ranked over Monday to ``day``."""
    members = await groups.members(group_id)
    if not members:
        return []
    ids = [m.user_id for m in members]
    async with uow:
        earned = await uow.leagues.week_rp(ids, week_start(day), day)
        streaks = await uow.leagues.streaks(ids)
        leagues = await uow.leagues.leagues(group_id, ids)
    return rank_board(members, earned, streaks, leagues)


async def group_leaderboard(
    uow: GameUnitOfWork, clock: Clock, groups: GroupStore, platform: str, chat_id: str
) -> tuple[date, list[BoardLine]]:
    """Today's board of the group in that chat (today in the group's time zone), and that day."""
    group = await groups.get(platform, chat_id)
    if group is None:
        raise WinStreakError(N_("This group is not in the leagues yet: a group admin sends /setup first."))
    today = local_day(clock.now(), group.timezone)
    return today, await week_board(uow, groups, group.id, today)
