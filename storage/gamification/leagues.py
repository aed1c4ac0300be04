"""League placement of group members and the kept results of each league week, in SQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.model import UserId
from core.rules.leagues import Movement, Placement
from storage.gamification.tables import DayResultRow, LeagueMemberRow, LeagueResultRow, UserStatsRow


class SqlLeagueRepository:
    """:class:`core.ports.LeagueRepository` over one session."""

    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def leagues(self, group_id: int, user_ids: list[UserId]) -> dict[UserId, int]:
        """Each user's league in the group (0, the lowest, for members never placed)."""
        query = select(LeagueMemberRow.user_id, LeagueMemberRow.league).where(
            LeagueMemberRow.group_id == group_id, LeagueMemberRow.user_id.in_([int(u) for u in user_ids])
        )
        placed = {UserId(u): league for u, league in (await self._s.execute(query)).all()}
        return {user: placed.get(user, 0) for user in user_ids}

    async def ensure_member(self, group_id: int, user_id: UserId) -> None:
        """Give a new member a league row (the lowest); a returning member keeps their league."""
        if await self._s.get(LeagueMemberRow, (group_id, int(user_id))) is None:
            self._s.add(LeagueMemberRow(group_id=group_id, user_id=int(user_id), league=0))
            await self._s.flush()

    async def week_rp(self, user_ids: list[UserId], start: date, end: date) -> dict[UserId, tuple[int, int]]:
        """RP earned over the days from ``start`` to ``end`` and the RP total, per user."""
        ids = [int(u) for u in user_ids]
        earned_q = (
            select(DayResultRow.user_id, func.sum(DayResultRow.rp - DayResultRow.rp_before))
            .where(DayResultRow.user_id.in_(ids), DayResultRow.day >= start, DayResultRow.day <= end)
            .group_by(DayResultRow.user_id)
        )
        earned = {u: int(v or 0) for u, v in (await self._s.execute(earned_q)).all()}
        totals_q = select(UserStatsRow.user_id, UserStatsRow.rp).where(UserStatsRow.user_id.in_(ids))
        totals = dict((await self._s.execute(totals_q)).tuples().all())
        return {UserId(u): (earned.get(u, 0), int(totals.get(u, 0))) for u in ids}

    async def streaks(self, user_ids: list[UserId]) -> dict[UserId, int]:
        """Each user's current streak (0 for users who never closed a day)."""
        query = select(UserStatsRow.user_id, UserStatsRow.streak).where(
            UserStatsRow.user_id.in_([int(u) for u in user_ids])
        )
        found = dict((await self._s.execute(query)).tuples().all())
        return {user: int(found.get(int(user), 0)) for user in user_ids}

    async def save_week(self, group_id: int, week_start: date, league: int, placements: list[Placement]) -> bool:
        """Keep one league's week and move its members; False when it was saved before."""
        done = select(LeagueResultRow.id).where(
            LeagueResultRow.group_id == group_id, LeagueResultRow.week_start == week_start,
            LeagueResultRow.user_id.in_([int(p.user_id) for p in placements]),
        )  # fmt: skip
        if (await self._s.execute(done.limit(1))).first() is not None:
            return False
        for p in placements:
            self._s.add(
                LeagueResultRow(
                    group_id=group_id, week_start=week_start, user_id=int(p.user_id), league=league,
                    place=p.place, week_rp=p.week_rp, movement=p.movement.value, league_after=p.league_after,
                )
            )  # fmt: skip
            member = await self._s.get(LeagueMemberRow, (group_id, int(p.user_id)))
            if member is None:
                self._s.add(LeagueMemberRow(group_id=group_id, user_id=int(p.user_id), league=p.league_after))
            else:
                member.league = p.league_after
        await self._s.flush()
        return True

    async def count_league(self, user_id: UserId, promoted: bool, podium: bool) -> None:
        """Add a promotion and/or a podium to the user's lifetime counters."""
        row = await self._s.get(UserStatsRow, int(user_id))
        if row is None:
            row = UserStatsRow(user_id=int(user_id), **_ZERO_STATS)
            self._s.add(row)
        row.league_promotions += int(promoted)
        row.league_podiums += int(podium)
        await self._s.flush()

    async def week_results(self, group_id: int, week_start: date) -> list[tuple[int, Placement]]:
        """The kept placements of a week, by league then place."""
        query = (
            select(LeagueResultRow)
            .where(LeagueResultRow.group_id == group_id, LeagueResultRow.week_start == week_start)
            .order_by(LeagueResultRow.league.desc(), LeagueResultRow.place)
        )
        return [
            (r.league, Placement(UserId(r.user_id), r.place, r.week_rp, Movement(r.movement), r.league_after))
            for r in (await self._s.execute(query)).scalars()
        ]


_ZERO_STATS = {
    name: 0
    for name in (
        "streak", "best_streak", "freezes", "won_run", "non_won_run", "rp", "best_rp", "shield", "won_days",
        "perfect_weeks", "comebacks", "freezes_used", "meals", "photo_meals", "voice_meals", "barcode_meals",
        "league_promotions", "league_podiums",
    )
}  # fmt: skip
