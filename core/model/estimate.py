"""An estimate of a meal, shown to the user before anything is saved."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model.meal import MealItem


@dataclass(frozen=True, slots=True)
class Estimate:
    """Items the estimator found, the text it could not understand, and notes to show."""

    items: tuple[MealItem, ...]
    unparsed: tuple[str, ...] = field(default=())
    transcript: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def total_kcal(self) -> float:
        """Sum of the items' kcal."""
        return sum(i.kcal for i in self.items)

    @property
    def low_kcal(self) -> float:
        """Sum of the items' low ends."""
        return sum(i.low_kcal for i in self.items)

    @property
    def high_kcal(self) -> float:
        """Sum of the items' high ends."""
        return sum(i.high_kcal for i in self.items)
