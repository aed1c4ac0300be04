"""Meal types in the user's language, and a day's meals grouped under them (for /today and /meals)."""

from __future__ import annotations

from collections.abc import Iterable

from bots.common.i18n import N_, t
from core.item_lists import joined_names
from core.model import Meal, MealType
from core.rules.days import zone
from core.rules.meal_types import meal_type_at

HEADINGS = {
    MealType.BREAKFAST: N_("🍳 Breakfast"),
    MealType.LUNCH: N_("🥗 Lunch"),
    MealType.DINNER: N_("🍽 Dinner"),
    MealType.SNACK: N_("🍎 Snacks"),
}
NAMES = {
    MealType.BREAKFAST: N_("breakfast"),
    MealType.LUNCH: N_("lunch"),
    MealType.DINNER: N_("dinner"),
    MealType.SNACK: N_("snack"),
}


def meal_type_of(meal: Meal, tz_name: str) -> MealType:
    """The meal's stored type, or the one its local time gives (meals from before types were stored)."""
    return meal.meal_type or meal_type_at(meal.eaten_at.astimezone(zone(tz_name)).time())


def local_time(meal: Meal, tz_name: str) -> str:
    """``08:15`` in the user's time zone."""
    return meal.eaten_at.astimezone(zone(tz_name)).strftime("%H:%M")


def meal_line(lang: str, meal: Meal, tz_name: str) -> str:
    """``08:15 — 420 kcal: egg, boiled; toast`` (``420 kcal : …`` in French)."""
    names = joined_names(item.name for item in meal.items)
    kcal = f"{meal.kcal:.0f}"
    return t(lang, "{time} — {kcal} kcal: {foods}", time=local_time(meal, tz_name), kcal=kcal, foods=names)


def grouped_meals(lang: str, meals: Iterable[Meal], tz_name: str) -> list[str]:
    """Lines: a heading with the kcal of each meal type that has meals (in the day's order), then its meals."""
    groups: dict[MealType, list[Meal]] = {kind: [] for kind in MealType}
    for meal in meals:
        groups[meal_type_of(meal, tz_name)].append(meal)
    lines: list[str] = []
    for kind, members in groups.items():
        if members:
            lines.append(f"{t(lang, HEADINGS[kind])} · {sum(m.kcal for m in members):.0f} kcal")
            lines += [f"• {meal_line(lang, meal, tz_name)}" for meal in members]
    return lines
