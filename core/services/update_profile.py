"""Onboard or update a profile: validate the changes, recompute the target, save."""

from __future__ import annotations

from core.errors import UnknownUser
from core.events import ProfileUpdated
from core.model import UserId
from core.ports import Clock, UnitOfWork
from core.rules.energy import daily_target


async def update_profile(uow: UnitOfWork, clock: Clock, user_id: UserId, changes: dict[str, object]) -> ProfileUpdated:
    """Apply already-parsed field values; refuses (and stores nothing) if the goal is unsafe."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        year = clock.now().year
        before = user.profile
        after = before.updated(**changes)
        previous = daily_target(before, year).kcal if before.is_complete else None
        target = daily_target(after, year) if after.is_complete else None  # raises UnsafeGoal first
        await uow.users.save_profile(user_id, after)
        await uow.commit()
        return ProfileUpdated(user_id=user_id, profile=after, target=target, previous_target_kcal=previous)
