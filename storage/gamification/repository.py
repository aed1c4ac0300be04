"""Per-user gamification storage: stats, a day's tally, saving one closed day, trophies and the RP history."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import Date, bindparam, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from core.model import UserId
from core.rules.day_result import DayResult
from core.rules.player import DayOutcome, DayTally, PlayerStats, perfect_week
from storage.gamification.closeout_sql import tally_sql
from storage.gamification.tables import DayResultRow, RankHistoryRow, TrophyRow, UserStatsRow
from storage.repositories.unit_reads import read_rows

_STAT_FIELDS = tuple(f.name for f in dataclasses.fields(PlayerStats))
_TALLY = text(
    "SELECT COALESCE(SUM(meals), 0) AS meals, COALESCE(SUM(kcal), 0) AS kcal, COALESCE(SUM(photo_meals), 0)"
    " AS photo_meals, COALESCE(SUM(voice_meals), 0) AS voice_meals, COALESCE(SUM(barcode_meals), 0)"
    f" AS barcode_meals FROM ({tally_sql('m.user_id = :user_id AND m.local_day = :day')}) t"
).bindparams(bindparam("day", type_=Date))

# Read after every Save (instant trophies): built once
_UNLOCKED = select(TrophyRow.code, TrophyRow.unlocked_on).where(TrophyRow.user_id == bindparam("user_id"))


def stats_of(row: UserStatsRow) -> PlayerStats:
    """A stats row as the core dataclass."""
    return PlayerStats(**{name: getattr(row, name) for name in _STAT_FIELDS})


def _result_row(user_id: UserId, o: DayOutcome) -> DayResultRow:
    s = o.stats
    won = o.result is DayResult.WON
    return DayResultRow(
        user_id=int(user_id), day=o.day, result=o.result.value, kcal=o.tally.kcal, target_kcal=o.target_kcal,
        meals=o.tally.meals, photo_meals=o.tally.photo_meals, voice_meals=o.tally.voice_meals,
        barcode_meals=o.tally.barcode_meals, streak=s.streak, best_streak=s.best_streak, freezes=s.freezes,
        won_run=s.won_run, non_won_run=s.non_won_run, rp_before=o.rank.rp - o.rank.delta, rp=s.rp,
        best_rp=s.best_rp, shield=s.shield, step_before=o.rank.before.step, step_after=o.rank.after.step,
        won=int(won), perfect_week=int(perfect_week(won, o.day, s.won_run)),
        comeback=int(o.streak.comeback),
        freeze_spent=int(o.streak.freeze_spent), start_weight_kg=s.start_weight_kg,
        start_bmi_distance=s.start_bmi_distance, total_won_days=s.won_days, total_perfect_weeks=s.perfect_weeks,
        total_comebacks=s.comebacks, total_freezes_used=s.freezes_used, total_meals=s.meals,
        total_photo_meals=s.photo_meals, total_voice_meals=s.voice_meals, total_barcode_meals=s.barcode_meals,
    )  # fmt: skip


class SqlGamificationRepository:
    """:class:`core.ports.GamificationRepository` over one session."""

    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def stats(self, user_id: UserId) -> PlayerStats | None:
        """The user's game state, or None before their first closed day."""
        row = await self._s.get(UserStatsRow, int(user_id))
        return stats_of(row) if row else None

    async def tally(self, user_id: UserId, day: date) -> DayTally:
        """What the user logged on ``day``."""
        row = (await self._s.execute(_TALLY, {"user_id": int(user_id), "day": day})).one()
        return DayTally(
            float(row.kcal), int(row.meals), int(row.photo_meals), int(row.voice_meals), int(row.barcode_meals)
        )

    async def save_outcome(self, user_id: UserId, outcome: DayOutcome) -> bool:
        """Store the day and the stats after it, unless that day is closed already (the unique key decides)."""
        query = select(DayResultRow.user_id).where(
            DayResultRow.user_id == int(user_id), DayResultRow.day == outcome.day
        )
        if (await self._s.execute(query)).first() is not None:
            return False
        self._s.add(_result_row(user_id, outcome))
        row = await self._s.get(UserStatsRow, int(user_id))
        if row is None:
            row = UserStatsRow(user_id=int(user_id))
            self._s.add(row)
        for name in _STAT_FIELDS:
            setattr(row, name, getattr(outcome.stats, name))
        if outcome.rank.after.step != outcome.rank.before.step:
            self._s.add(
                RankHistoryRow(
                    user_id=int(user_id), day=outcome.day, step_before=outcome.rank.before.step,
                    step_after=outcome.rank.after.step, rp=outcome.stats.rp,
                )
            )  # fmt: skip
        await self._s.flush()
        return True

    async def unlocked(self, user_id: UserId) -> dict[str, date]:
        """Codes of the user's trophies and the day each was unlocked."""
        rows = await read_rows(self._s, _UNLOCKED, {"user_id": int(user_id)})  # no write yet: unit_reads
        return {code: day for code, day in rows}

    async def unlock(self, user_id: UserId, codes: list[str], day: date) -> list[str]:
        """Add the trophies the user does not hold yet."""
        held = await self.unlocked(user_id)
        new = [code for code in dict.fromkeys(codes) if code not in held]
        self._s.add_all(TrophyRow(user_id=int(user_id), code=code, unlocked_on=day) for code in new)
        await self._s.flush()
        return new

    async def rp_history(self, user_id: UserId, limit: int) -> list[tuple[date, int]]:
        """The RP after each of the last ``limit`` closed days, oldest first."""
        query = (
            select(DayResultRow.day, DayResultRow.rp)
            .where(DayResultRow.user_id == int(user_id))
            .order_by(DayResultRow.day.desc())
            .limit(limit)
        )
        return [(day, rp) for day, rp in reversed((await self._s.execute(query)).all())]
