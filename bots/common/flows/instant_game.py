"""The game answering at once: trophies a saved meal earns, announced in the Save reply."""

from __future__ import annotations

from bots.common.deps import BotDeps
from bots.common.game_text import announcement
from core.events import TrophyUnlocked
from core.model import Meal, UserAccount
from core.services.instant_trophies import award_for_meal


async def meal_trophies(deps: BotDeps, user: UserAccount, meal: Meal) -> list[str]:
    """One line per trophy the meal unlocked (none without a game store, or when all are held)."""
    if deps.game_uow is None:
        return []
    trophies = await award_for_meal(deps.game_uow(), deps.game_rules, meal)
    lines = (
        announcement(user.profile.language, TrophyUnlocked(user.id, trophy, meal.local_day)) for trophy in trophies
    )
    return [line for line in lines if line]
