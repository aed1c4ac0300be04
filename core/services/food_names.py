"""Use case: meal items, estimates and saved meals named in the user's language (see :mod:`core.food.food_names`).

Items carry their food's id, so a meal saved in French shows English names after a switch to English, and the
other way round. Each distinct food is looked up once per call; without a catalogue nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from core.food.food_names import renamed
from core.model.estimate import Estimate
from core.model.food import Food
from core.model.meal import Meal, MealItem
from core.ports import FoodCatalog, MealEstimator


async def _foods(catalog: FoodCatalog, items: Iterable[MealItem]) -> dict[str, Food]:
    found: dict[str, Food] = {}
    for food_id in dict.fromkeys(i.food_id for i in items if i.food_id):
        assert food_id is not None
        food = await catalog.get(food_id)
        if food is not None:
            found[food_id] = food
    return found


def _named(items: Sequence[MealItem], foods: dict[str, Food], language: str) -> tuple[MealItem, ...]:
    return tuple(renamed(i, foods[i.food_id], language) if i.food_id in foods else i for i in items)


async def localized_items(
    catalog: FoodCatalog | None, items: Sequence[MealItem], language: str
) -> tuple[MealItem, ...]:
    """``items`` with their foods' names in ``language``."""
    if catalog is None or not items:
        return tuple(items)
    return _named(items, await _foods(catalog, items), language)


async def localized_meals(catalog: FoodCatalog | None, meals: Sequence[Meal], language: str) -> tuple[Meal, ...]:
    """``meals`` with their items' foods named in ``language`` (each food looked up once)."""
    if catalog is None or not meals:
        return tuple(meals)
    foods = await _foods(catalog, (i for m in meals for i in m.items))
    return tuple(replace(m, items=_named(m.items, foods, language)) for m in meals)


async def localized_estimate(catalog: FoodCatalog | None, estimate: Estimate, language: str) -> Estimate:
    """``estimate`` with its items' foods named in ``language``."""
    items = await localized_items(catalog, estimate.items, language)
    return estimate if items == estimate.items else replace(estimate, items=items)


class LocalizedEstimator:
    """A :class:`core.ports.MealEstimator` whose estimates name catalogue foods in the user's language."""

    def __init__(self, inner: MealEstimator, catalog: FoodCatalog) -> None:
        self._inner = inner
        self._catalog = catalog

    async def from_text(self, text: str, language: str) -> Estimate:
        """The inner estimate, its foods named in ``language``."""
        return await self._named(await self._inner.from_text(text, language), language)

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        """The inner estimate, its foods named in ``language``."""
        return await self._named(await self._inner.from_photo(image, caption, language), language)

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        """The inner estimate, its foods named in ``language``."""
        return await self._named(await self._inner.from_voice(audio, language), language)

    def __getattr__(self, name: str) -> object:
        if name == "_inner":
            raise AttributeError(name)
        return getattr(self._inner, name)  # e.g. close() of the composite estimator

    async def _named(self, estimate: Estimate, language: str) -> Estimate:
        if not language.lower().startswith("fr"):  # the estimators name foods in English already
            return estimate
        return await localized_estimate(self._catalog, estimate, language)
