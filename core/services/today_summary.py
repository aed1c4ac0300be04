"""Today's progress: kcal against the target, macros and the meals so far."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.errors import UnknownUser
from core.model import Meal, UserId
from core.ports import Clock, UnitOfWork
from core.rules.days import local_day
from core.rules.energy import daily_target


@dataclass(frozen=True, slots=True)
class DaySummary:
    """A day's totals; ``target_kcal`` is None until the profile is complete."""

    day: date
    target_kcal: int | None
    kcal: float
    protein_g: float
    carbs_g: float
    fat_g: float
    meals: tuple[Meal, ...]

    @property
    def remaining_kcal(self) -> float | None:
        """Kcal left before the target (negative when over)."""
        return None if self.target_kcal is None else self.target_kcal - self.kcal


def summarise(day: date, target: int | None, meals: list[Meal]) -> DaySummary:
    """Add up a day's meals."""
    items = [item for meal in meals for item in meal.items]
    return DaySummary(
        day=day,
        target_kcal=target,
        kcal=sum(i.kcal for i in items),
        protein_g=sum(i.protein_g for i in items),
        carbs_g=sum(i.carbs_g for i in items),
        fat_g=sum(i.fat_g for i in items),
        meals=tuple(meals),
    )


async def today_summary(uow: UnitOfWork, clock: Clock, user_id: UserId) -> DaySummary:
    """The summary of the user's current local day."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        now = clock.now()
        day = local_day(now, user.profile.timezone)
        meals = await uow.meals.on_day(user_id, day)
        target = daily_target(user.profile, now.year).kcal if user.profile.is_complete else None
        return summarise(day, target, meals)
