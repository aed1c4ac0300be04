"""Daily totals and the progress use cases on real SQLite and PostgreSQL."""

from datetime import UTC, date, datetime

from core.model import ItemSource, MealItem, UserId
from core.progress.day_status import DayStatus
from core.progress.goal import EtaKind
from core.rules.profile_values import parse_assignments
from core.services.identify import identify
from core.services.log_meal import LogMeal, log_meal
from core.services.log_weight import log_weight
from core.services.update_profile import update_profile
from core.services.weekly_history import weekly_history
from core.services.weight_progress import weight_progress
from storage.engine import make_engine, make_session_factory
from storage.unit_of_work import SqlUnitOfWork
from tests.fakes.memory import FixedClock


def item(kcal: float, protein: float = 10.0) -> MealItem:
    return MealItem("food", 100, kcal, protein, 20, 5, ItemSource.MANUAL, kcal * 0.9, kcal * 1.1)


async def test_daily_totals_and_history_on_both_databases(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(sessions)

    clock = FixedClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))  # Monday
    try:
        user = await identify(uow(), "console", "ana", "Ana")
        other = await identify(uow(), "console", "bob", "Bob")
        fields = "sex=female born=1990 height=168 weight=80 activity=light goal=lose target=70 tz=Europe/Paris"
        await update_profile(uow(), clock, user.id, parse_assignments(fields, 2026))
        await log_meal(uow(), clock, LogMeal(user.id, (item(700), item(600, 30))))  # Monday: 1300 kcal, won
        await log_weight(uow(), clock, user.id, 80.0)
        clock.current = datetime(2026, 11, 17, 22, 30, tzinfo=UTC)  # 23:30 in Paris: still Tuesday
        await log_meal(uow(), clock, LogMeal(user.id, (item(2200),)))  # Tuesday: lost
        await log_meal(uow(), clock, LogMeal(other.id, (item(5000),)))  # someone else's meal
        clock.current = datetime(2026, 11, 17, 23, 30, tzinfo=UTC)  # 00:30 Wednesday in Paris
        await log_meal(uow(), clock, LogMeal(user.id, (item(500),)))  # Wednesday: under
        await log_weight(uow(), clock, user.id, 79.5)
        clock.current = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # Wednesday of the next week
        await log_weight(uow(), clock, user.id, 79.0)

        async with uow() as work:
            totals = await work.meals.daily_totals(user.id, date(2026, 11, 16), date(2026, 11, 22))
        assert [(t.day, t.kcal, t.meals) for t in totals] == [
            (date(2026, 11, 16), 1300.0, 1),
            (date(2026, 11, 17), 2200.0, 1),
            (date(2026, 11, 18), 500.0, 1),
        ]
        assert totals[0].protein_g == 40.0 and totals[0].fat_g == 10.0

        last_week = await weekly_history(uow(), clock, user.id, 1)
        assert last_week.monday == date(2026, 11, 16) and last_week.has_earlier is False
        assert [d.status for d in last_week.days] == [
            DayStatus.WON,
            DayStatus.LOST,
            DayStatus.UNDER,
            *[DayStatus.MISSED] * 4,
        ]
        assert last_week.stats.average_kcal == 4000 / 3 and last_week.stats.days_won == 1
        assert last_week.stats.weight_change_kg == -0.5
        this_week = await weekly_history(uow(), clock, user.id)
        assert this_week.days[2].status is DayStatus.IN_PROGRESS and this_week.has_earlier

        weights = await weight_progress(uow(), clock, user.id)
        assert [p.kg for p in weights.readings] == [80.0, 79.5, 79.0]
        assert weights.change_since_start_kg == -1.0 and weights.change_since_last_week_kg == -0.5
        assert weights.latest_bmi is not None and weights.latest_bmi.bmi == 28.0
        assert weights.eta.kind is EtaKind.ON_TRACK and weights.eta.day is not None
        assert weights.eta.day > date(2026, 11, 25)
        nobody = await weight_progress(uow(), clock, UserId(other.id))
        assert nobody.readings == () and nobody.eta.kind is EtaKind.NO_GOAL
    finally:
        await engine.dispose()
