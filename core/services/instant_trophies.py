"""Trophies a saved meal earns at once (first meal, first photo, first voice note, first barcode).

The close-out stays the one judge of days; these only look at the action itself, so they are given when it
happens (idempotently: a trophy held is never given twice, and the close-out's own insert skips it).
"""

from __future__ import annotations

from core.model import Meal
from core.ports import GameUnitOfWork
from core.rules.game_rules import GameRules
from core.rules.trophies import INSTANT, Trophy, catalogue


async def award_for_meal(uow: GameUnitOfWork, rules: GameRules, meal: Meal) -> list[Trophy]:
    """The trophies ``meal`` unlocked now (none when the user holds them already)."""
    codes = INSTANT.get(meal.input_kind, INSTANT["text"])
    async with uow:
        new = await uow.game.unlock(meal.user_id, list(codes), meal.local_day)
        await uow.commit()
    by_code = {trophy.code: trophy for trophy in catalogue(rules)}
    return [by_code[code] for code in new if code in by_code]
