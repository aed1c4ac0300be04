"""Reading what scheduled messages report (closed days, trophies) from the gamification tables."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import UserId
from core.model.notifications import DailyResultData
from storage.gamification.tables import DayResultRow, TrophyRow


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
