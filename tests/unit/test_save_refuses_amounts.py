"""Save refuses what cannot be a meal: 0 kcal in total, an item too large to eat, values that are not numbers."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from core.errors import InvalidValue
from core.model import ItemSource, MealItem
from core.services.identify import identify
from core.services.log_meal import NOTHING_TO_COUNT, TOO_LARGE, LogMeal, log_meal
from core.services.today_summary import today_summary
from tests.fakes.memory import FixedClock, MemoryStore, MemoryUnitOfWork

CLOCK = FixedClock(datetime(2026, 5, 10, 12, 0, tzinfo=UTC))


def _item(grams: float, kcal: float) -> MealItem:
    return MealItem("rice", grams, kcal, 0.0, 0.0, 0.0, ItemSource.DATABASE, kcal, kcal)


async def _saved_kcal(store: MemoryStore, items: tuple[MealItem, ...]) -> tuple[str | None, float]:
    user = await identify(MemoryUnitOfWork(store), "console", "ana", "Ana")
    try:
        await log_meal(MemoryUnitOfWork(store), CLOCK, LogMeal(user.id, items))
        refused = None
    except InvalidValue as err:
        refused = err.template
    summary = await today_summary(MemoryUnitOfWork(store), CLOCK, user.id)
    return refused, summary.kcal


@pytest.mark.parametrize(
    ("items", "reason"),
    [
        ((_item(0, 0),), NOTHING_TO_COUNT),
        ((_item(250, 0), _item(3, 0.4)), NOTHING_TO_COUNT),
        ((_item(6000, 7800),), TOO_LARGE),
        ((_item(200, 260), _item(100, 5200)), TOO_LARGE),
    ],
)
async def test_meals_that_cannot_be_eaten_are_not_saved(items: tuple[MealItem, ...], reason: str) -> None:
    store = MemoryStore()
    refused, kcal = await _saved_kcal(store, items)
    assert refused == reason
    assert kcal == 0


async def test_an_ordinary_meal_is_saved() -> None:
    refused, kcal = await _saved_kcal(MemoryStore(), (_item(200, 260), _item(250, 2)))
    assert refused is None and kcal == 262


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, -5.0])
def test_an_item_cannot_even_hold_a_number_that_is_not_an_amount(bad: float) -> None:
    with pytest.raises(ValueError, match="grams"):
        MealItem("rice", bad, 10.0, 0.0, 0.0, 0.0, ItemSource.DATABASE, 10.0, 10.0)
