"""The estimator built on first use: nothing is built at start-up, concurrent first uses build it once, and what
the build made is frozen (later full collections skip it)."""

from __future__ import annotations

import asyncio
import gc

from ai.manual_kcal import StatedKcalEstimator
from core.ports import MealEstimator
from winstreak.lazy_estimator import LazyEstimator


async def test_built_once_on_first_use() -> None:
    built: list[int] = []

    def build() -> MealEstimator:
        built.append(1)
        return StatedKcalEstimator()

    lazy = LazyEstimator(build)
    assert built == []
    first, second = await asyncio.gather(lazy.from_text("soup 300 kcal", "en"), lazy.from_text("tea 5 kcal", "en"))
    assert built == [1]
    assert first.total_kcal == 300 and second.total_kcal == 5


async def test_what_the_build_made_is_frozen() -> None:
    made: list[MealEstimator] = []

    def build() -> MealEstimator:
        made.append(StatedKcalEstimator())
        return made[0]

    lazy = LazyEstimator(build)
    try:
        await lazy.from_text("soup 300 kcal", "en")
        assert all(candidate is not made[0] for candidate in gc.get_objects())
    finally:
        gc.unfreeze()
