"""Reading what scheduled messages report (closed days, trophies) from the gamification tables."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import UserId
from core.model.notifications import BoardLine, DailyResultData
from core.rules.trophies import INSTANT_CODES
from core.services.group_leaderboard import week_board
from storage.chat.groups import SqlGroupStore
from storage.chat.tables import GroupMemberRow
from storage.engine import make_session_factory
from storage.gamification.tables import DayResultRow, LeagueResultRow, TrophyRow
from storage.gamification.unit_of_work import SqlGameUnitOfWork


class SqlNotificationContent:
    """:class:`core.ports.NotificationContent` over one engine."""

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
                        select(TrophyRow.code).where(
                            TrophyRow.user_id == int(user_id),
                            TrophyRow.unlocked_on == day,
                            TrophyRow.code.not_in(INSTANT_CODES),  # announced when the meal was saved
                        )
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
        """The group's board on ``day``: the same use case as the /leaderboard command, so both rank alike."""
        sessions = make_session_factory(self._engine)
        return await week_board(SqlGameUnitOfWork(sessions), SqlGroupStore(sessions), group_id, day)

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
