"""The ports a conversation needs, gathered once by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bots.common.state import StateStore
from core.ports import Clock, FoodCatalog, MealEstimator, UnitOfWork


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
