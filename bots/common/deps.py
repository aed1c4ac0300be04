"""The ports a conversation needs, gathered once by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bots.common.state import StateStore
from core.ports import Clock, ExerciseLog, FoodCatalog, GameUnitOfWork, MealEstimator, UnitOfWork
from core.rules.game_rules import GameRules


@dataclass(frozen=True, slots=True)
class BotDeps:
    """Everything handlers call: a fresh unit of work per use case, time, AI, food search, chat state."""

    uow: Callable[[], UnitOfWork]
    clock: Clock
    estimator: MealEstimator
    states: StateStore
    catalog: FoodCatalog | None = None
    estimate_ttl_minutes: int = 30
    default_timezone: str = "UTC"
    game_rules: GameRules = field(default_factory=GameRules)  # when days close: meals of a past day
    game_uow: Callable[[], GameUnitOfWork] | None = None  # trophies a saved meal earns at once
    exercise: ExerciseLog | None = None  # logged exercise and whether it raises the day's budget
