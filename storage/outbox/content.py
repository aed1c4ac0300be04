"""Reading what scheduled messages report (closed days, trophies) from the gamification tables."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import UserId
from core.model.notifications import BoardLine, DailyResultData
from storage.chat.groups import SqlGroupStore
from storage.chat.tables import GroupMemberRow
from storage.engine import make_session_factory
from storage.gamification.leagues import SqlLeagueRepository
from storage.gamification.tables import DayResultRow, LeagueResultRow, TrophyRow, UserStatsRow


class SqlNotificationContent:
    """:class:`core.outbox_ports.NotificationContent` over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def daily_result(self, user_id: UserId, day: date) -> DailyResultData | None:
        """The closed day and the trophies unlocked with it, or None when it is not closed."""
        async with self._engine.connect() as conn:
            row = (
                (
                    await conn.execute(
                        select(DayResultRow).where(DayResultRow.user_id == int(user_id), DayResultRow.day == day)
                    )
                )
                .mappings()
                .first()
            )
            if row is None:
                return None
            codes = (
                (
                    await conn.execute(
                        select(TrophyRow.code).where(TrophyRow.user_id == int(user_id), TrophyRow.unlocked_on == day)
                    )
                )
                .scalars()
                .all()
            )
        return DailyResultData(
            day=day,
            result=row["result"],
            kcal=row["kcal"],
            target_kcal=row["target_kcal"],
            streak=row["streak"],
            best_streak=row["best_streak"],
            freezes=row["freezes"],
            freeze_spent=bool(row["freeze_spent"]),
            rp_before=row["rp_before"],
            rp=row["rp"],
            trophies=tuple(sorted(codes)),
        )

    async def group_board(self, group_id: int, day: date) -> list[BoardLine]:
        """Opted-in members ranked by RP earned this week (Monday to ``day``), then streak and nickname."""
        sessions = make_session_factory(self._engine)
        members = await SqlGroupStore(sessions).members(group_id)
        if not members:
            return []
        ids = [m.user_id for m in members]
        async with sessions() as session:
            earned = await SqlLeagueRepository(session).week_rp(ids, day - timedelta(days=day.weekday()), day)
            leagues = await SqlLeagueRepository(session).leagues(group_id, ids)
            stats = {
                row.user_id: row
                for row in (await session.execute(select(UserStatsRow).where(UserStatsRow.user_id.in_(ids)))).scalars()
            }
        rows = sorted(
            members,
            key=lambda m: (
                -earned.get(m.user_id, (0, 0))[0],
                -(stats[m.user_id].streak if m.user_id in stats else 0),
                m.nickname.lower(),
            ),
        )
        return [
            BoardLine(
                place=n,
                nickname=m.nickname,
                week_rp=earned.get(m.user_id, (0, 0))[0],
                streak=stats[m.user_id].streak if m.user_id in stats else 0,
                rp=stats[m.user_id].rp if m.user_id in stats else 0,
                league=leagues.get(m.user_id, 0),
            )
            for n, m in enumerate(rows, 1)
        ]

    async def league_week(self, group_id: int, week_start: date) -> list[BoardLine]:
        """The kept results of a league week, by league (highest first) then place."""
        result = LeagueResultRow
        same_member = (GroupMemberRow.group_id == result.group_id) & (GroupMemberRow.user_id == result.user_id)
        query = (
            select(result.place, result.week_rp, result.league, result.movement, GroupMemberRow.nickname)
            .outerjoin(GroupMemberRow, same_member)
            .where(result.group_id == group_id, result.week_start == week_start)
            .order_by(result.league.desc(), result.place)
        )
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            BoardLine(
                place=r.place,
                nickname=r.nickname or "—",
                week_rp=r.week_rp,
                streak=0,
                rp=0,
                league=r.league,
                movement=r.movement,
            )
            for r in rows
        ]
