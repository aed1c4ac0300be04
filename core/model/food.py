"""Foods in the catalogue: nutrition per 100 g and household portions."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Portion:
    """A household measure of a food, e.g. ``1 slice`` = 30 g."""

    name: str
    grams: float


@dataclass(frozen=True, slots=True)
class Food:
    """A generic food or a branded product, with nutrition per 100 g."""

    id: str
    name: str
    kcal_100g: float
    protein_100g: float
    carbs_100g: float
    fat_100g: float
    brand: str | None = None
    barcode: str | None = None
    generic: bool = False
    aliases: tuple[str, ...] = field(default=())
    portions: tuple[Portion, ...] = field(default=())
    default_grams: float = 100.0
    name_fr: str | None = None
    """The French name (built-in foods have one); None where only the English name is known."""

    def name_in(self, language: str) -> str:
        """The name in ``language`` ("fr", "fr-BE"...): the French name where there is one, else the English name."""
        if self.name_fr and language.lower().startswith("fr"):
            return self.name_fr
        return self.name

    def portion(self, name: str) -> Portion | None:
        """The portion of that name (case-insensitive), if the food has one."""
        wanted = name.strip().lower()
        return next((p for p in self.portions if p.name.lower() == wanted), None)


@dataclass(frozen=True, slots=True)
class FoodMatch:
    """A search hit: the food and a relevance score in [0, 1]."""

    food: Food
    score: float
