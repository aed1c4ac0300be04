"""Use case: estimate an exercise the user described, at their latest weight (weigh-in, else profile)."""

from __future__ import annotations

from core.errors import InvalidValue, UnknownUser
from core.exercise.burn import Burn, burn
from core.exercise.words import ExerciseWords
from core.model import UserId
from core.ports import UnitOfWork
from core.text import N_

NO_WEIGHT = N_("I need your weight to estimate exercise: send /weight 80 (your weight in kg) first.")


async def estimate_exercise(uow: UnitOfWork, user_id: UserId, words: ExerciseWords) -> Burn:
    """The net kcal of ``words`` for this user; nothing is stored."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise UnknownUser()
        history = await uow.weights.history(user_id)
    weight = history[-1].weight_kg if history else user.profile.weight_kg
    if not weight:
        raise InvalidValue("weight_kg", NO_WEIGHT)
    return burn(words, weight)
