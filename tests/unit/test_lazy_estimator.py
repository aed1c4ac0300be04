"""The estimator built on first use: nothing is built at start-up, and concurrent first uses build it once."""

from __future__ import annotations

import asyncio

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
