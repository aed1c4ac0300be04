"""Weight progress: readings, the smoothed trend, BMI, changes, the rate and the goal date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from core.errors import UnknownUser
from core.model import UserAccount, UserId
from core.ports import Clock, UnitOfWork
from core.progress.bmi_series import BmiPoint, bmi_points
from core.progress.goal import GoalEta, goal_eta
from core.progress.trend import WeightPoint, daily_readings, rate_kg_per_week, reading_before, smoothed_trend
from core.rules.days import local_day


@dataclass(frozen=True, slots=True)
class WeightReport:
    """Everything the weight chart and its text show."""

    user: UserAccount
    today: date
    readings: tuple[WeightPoint, ...]
    trend: tuple[WeightPoint, ...]
    bmi: tuple[BmiPoint, ...]
    change_since_start_kg: float | None
    change_since_last_week_kg: float | None
    rate_kg_per_week: float | None
    eta: GoalEta

    @property
    def latest(self) -> WeightPoint | None:
        """The most recent reading."""
        return self.readings[-1] if self.readings else None

    @property
    def latest_bmi(self) -> BmiPoint | None:
        """BMI of the most recent reading (None without a height)."""
        return self.bmi[-1] if self.bmi else None


async def weight_progress(uow: UnitOfWork, clock: Clock, user_id: UserId) -> WeightReport:
    """The user's weight report; the profile weight stands in when nothing was logged yet."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        entries = await uow.weights.history(user_id)
    profile = user.profile
    today = local_day(clock.now(), profile.timezone)
    readings = daily_readings(entries)
    if not readings and profile.weight_kg:
        readings = [WeightPoint(today, profile.weight_kg)]
    trend = smoothed_trend(readings)
    latest = readings[-1] if readings else None
    week_ago = reading_before(readings, latest.day - timedelta(days=7)) if latest else None
    rate = rate_kg_per_week(readings)
    current = trend[-1].kg if trend else None
    return WeightReport(
        user=user,
        today=today,
        readings=tuple(readings),
        trend=tuple(trend),
        bmi=tuple(bmi_points(readings, profile.height_cm)),
        change_since_start_kg=round(latest.kg - readings[0].kg, 2) if latest and len(readings) > 1 else None,
        change_since_last_week_kg=round(latest.kg - week_ago.kg, 2) if latest and week_ago else None,
        rate_kg_per_week=rate,
        eta=goal_eta(current, profile.goal_weight_kg, rate, latest.day if latest else today, profile.goal),
    )
