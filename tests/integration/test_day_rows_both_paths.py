"""The two ways a day closes write the same ``day_results`` row: per user and in bulk, column by column.

``close_user_day`` (the terminal, a late meal) stores the row through ``SqlGamificationRepository``;
the scheduler's ``SqlBulkCloser`` writes it with set-based SQL. Two users with the same profile and the same
meals, one closed each way, must get equal rows every day, including the columns the stats do not keep
(``perfect_week``, ``comeback``, ``freeze_spent``, ``rp_before``, the division steps). Two weeks from a Monday:
a freeze earned and spent, a lost, a missed and an under day, a comeback, then a perfect week ending on the
second Sunday. SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from core.model import UserId
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.services.close_user_day import close_user_day
from storage.engine import make_engine, make_session_factory
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.tables import DayResultRow
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from tests.integration.gamification_world import add_meal, add_user, random_profile

MONDAY = date(2026, 3, 2)
RULES = GameRules(rp_per_division=30, freeze_every=3)  # small divisions and a freeze soon: all in a fortnight
# share of the target eaten each day (0: no meal): won x3 (a freeze), lost (it is spent), missed, under,
# then won from the first Sunday (a comeback) to the second (a perfect week)
SHARES = (0.9, 0.95, 0.8, 1.5, 0.0, 0.4, 0.9, 0.85, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9)
PER_USER, IN_BULK = 1, 2


async def test_per_user_and_bulk_close_outs_write_the_same_day_rows(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        profile = random_profile(random.Random(7))
        for user_id in (PER_USER, IN_BULK):
            await add_user(engine, user_id, profile)
        closer = SqlBulkCloser(engine, RULES)
        for offset, share in enumerate(SHARES):
            day = MONDAY + timedelta(days=offset)
            if share:
                kcal = daily_target(profile, day.year).kcal * share
                for user_id in (PER_USER, IN_BULK):
                    await add_meal(engine, user_id, day, [kcal / 2, kcal / 2], "photo" if offset == 0 else "text")
            assert await close_user_day(SqlGameUnitOfWork(sessions), UserId(PER_USER), day, RULES)
            await closer.close_out(day, None)  # the per-user row is there: only the other user is closed
        async with sessions() as session:
            rows = (await session.execute(select(DayResultRow).order_by(DayResultRow.day))).scalars().all()
        columns = [c.key for c in DayResultRow.__table__.columns if c.key != "user_id"]
        by_user = {
            user_id: [{c: getattr(r, c) for c in columns} for r in rows if r.user_id == user_id]
            for user_id in (PER_USER, IN_BULK)
        }
        assert len(by_user[PER_USER]) == len(SHARES)
        assert by_user[PER_USER] == by_user[IN_BULK]
        bulk = by_user[IN_BULK]
        assert [row["result"] for row in bulk[:7]] == ["won", "won", "won", "lost", "missed", "under", "won"]
        on = {name: [row["day"] for row in bulk if row[name]] for name in ("freeze_spent", "comeback", "perfect_week")}
        assert on == {
            "freeze_spent": [MONDAY + timedelta(days=3)],
            "comeback": [MONDAY + timedelta(days=6)],  # after three days not won
            "perfect_week": [MONDAY + timedelta(days=13)],  # the second Sunday closes seven won days
        }
        assert any(row["step_after"] != row["step_before"] for row in bulk)
    finally:
        await engine.dispose()
