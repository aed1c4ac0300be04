"""Record a weigh-in and bring the profile (and so the target) up to date."""

from __future__ import annotations

from core.errors import InvalidValue, UnknownUser
from core.events import ProfileUpdated, WeightLogged
from core.model import UserId, WeightEntry
from core.ports import Clock, UnitOfWork
from core.rules.days import local_day
from core.rules.energy import daily_target
from core.text import N_


async def log_weight(uow: UnitOfWork, clock: Clock, user_id: UserId, weight_kg: float) -> WeightLogged:
    """Store the reading and update the profile weight; the event carries the new target."""
    if not 25 <= weight_kg <= 400:
        raise InvalidValue(
            "weight_kg",
            "{label} {value} {unit} is not plausible: give a value between {low} and {high} {unit}.",
            label=N_("A weight of"),
            value=f"{weight_kg:g}",
            unit="kg",
            low="25",
            high="400",
        )
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        now = clock.now()
        day = local_day(now, user.profile.timezone)
        history = await uow.weights.history(user_id)
        previous = history[-1].weight_kg if history else user.profile.weight_kg
        await uow.weights.add(WeightEntry(user_id, weight_kg, now, day))
        before = user.profile
        after = before.updated(weight_kg=weight_kg)
        await uow.users.save_profile(user_id, after)
        await uow.commit()
        old = daily_target(before, now.year).kcal if before.is_complete else None
        new = daily_target(after, now.year) if after.is_complete else None
        update = ProfileUpdated(user_id, after, new, old)
        return WeightLogged(user_id, weight_kg, day, previous, update)
