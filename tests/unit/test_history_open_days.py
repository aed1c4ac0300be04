"""/history counts only closed days: yesterday in its grace period is still in progress (#13/#14 walk-through)."""

from dataclasses import replace
from datetime import UTC, date, datetime

from bots.common.i18n import t
from bots.common.progress_labels import status_label
from bots.common.progress_text import week_text
from bots.common.weekly_summary import weekly_summary
from core.model import ItemSource, MealItem
from core.model.profile import Activity, GoalKind, Sex
from core.progress.day_status import DayStatus
from core.progress.week import streak
from core.rules.game_rules import GameRules
from core.services.identify import identify
from core.services.log_meal import LogMeal, log_meal
from core.services.update_profile import update_profile
from core.services.weekly_history import weekly_history
from tests.fakes.memory import FixedClock, MemoryStore, MemoryUnitOfWork

PROFILE = {
    "sex": Sex.FEMALE,
    "birth_year": 1990,
    "height_cm": 168.0,
    "weight_kg": 80.0,
    "activity": Activity.LIGHT,
    "goal": GoalKind.LOSE,
    "rate_kg_per_week": 0.5,
    "timezone": "UTC",
}


def item(kcal: float) -> MealItem:
    return MealItem("food", 100, kcal, 10, 20, 5, ItemSource.MANUAL, kcal * 0.9, kcal * 1.1)


async def test_a_finished_day_in_its_grace_period_counts_in_no_result_yet() -> None:
    store, clock = MemoryStore(), FixedClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))  # Monday
    user = await identify(MemoryUnitOfWork(store), "console", "ana", "Ana")
    await update_profile(MemoryUnitOfWork(store), clock, user.id, PROFILE)
    await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user.id, (item(1200),)))
    clock.current = datetime(2026, 11, 17, 12, 0, tzinfo=UTC)  # Tuesday
    await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user.id, (item(3000),)))

    clock.current = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)  # Wednesday 01:00: Tuesday closes at 03:00
    report = await weekly_history(MemoryUnitOfWork(store), clock, user.id, rules=GameRules())
    assert [d.status for d in report.days[1:3]] == [DayStatus.IN_PROGRESS, DayStatus.IN_PROGRESS]
    assert report.stats.days_closed == 1 and report.stats.average_kcal == 1200
    won = report.stats.days_won
    assert t("en", "Days won: {won} of {closed}", won=won, closed=1) in week_text("en", report)

    clock.current = datetime(2026, 11, 18, 3, 30, tzinfo=UTC)  # past the grace period: Tuesday is closed
    report = await weekly_history(MemoryUnitOfWork(store), clock, user.id, rules=GameRules())
    assert report.days[1].status is DayStatus.LOST and report.days[2].status is DayStatus.IN_PROGRESS
    assert report.stats.days_closed == 2 and report.stats.average_kcal == 2100
    assert report.stats.days_won == won

    no_grace = replace(GameRules(), grace_minutes=0)  # the rules decide: without a grace period it closed at 00:00
    clock.current = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)
    report = await weekly_history(MemoryUnitOfWork(store), clock, user.id, rules=no_grace)
    assert report.stats.days_closed == 2
    assert date(2026, 11, 17) == report.days[1].day


def test_the_streak_passes_over_every_open_day() -> None:
    mon, tue, wed = date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18)
    open_days = {mon: DayStatus.WON, tue: DayStatus.IN_PROGRESS, wed: DayStatus.IN_PROGRESS}
    assert streak(open_days, wed) == 1
    assert streak({**open_days, tue: DayStatus.LOST}, wed) == 0


def test_the_open_past_day_is_not_labelled_today() -> None:
    assert status_label("en", DayStatus.IN_PROGRESS) == t("en", "today")
    assert status_label("fr", DayStatus.IN_PROGRESS, today=False) == t("fr", "not closed") != t("fr", "today")


async def test_the_monday_summary_follows_the_configured_grace_period() -> None:
    """The scheduler's weekly summary takes the configured rules: Sunday is closed at Monday 01:00 without grace."""
    store, clock = MemoryStore(), FixedClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))  # Monday
    user = await identify(MemoryUnitOfWork(store), "console", "ana", "Ana")
    await update_profile(MemoryUnitOfWork(store), clock, user.id, PROFILE)
    for day in range(16, 23):
        clock.current = datetime(2026, 11, day, 12, 0, tzinfo=UTC)
        await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user.id, (item(1200),)))
    clock.current = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 01:00: Sunday is in its default grace period
    week = date(2026, 11, 16)
    default = await weekly_summary(MemoryUnitOfWork(store), clock, user.id, week, rules=GameRules())
    no_grace = replace(GameRules(), grace_minutes=0)
    closed = await weekly_summary(MemoryUnitOfWork(store), clock, user.id, week, rules=no_grace)
    assert "of 6" in default[1].text and "of 7" in closed[1].text, (default[1].text, closed[1].text)
