"""Meal types from the user's words (English and French) or the local hour; /today groups meals under them."""

from datetime import UTC, date, datetime, time

import pytest

from bots.common.meal_type_text import grouped_meals
from core.model import ItemSource, Meal, MealItem, MealType, UserId
from core.rules.meal_types import meal_type_at, meal_type_in


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("for breakfast 2 eggs and toast", MealType.BREAKFAST, "2 eggs and toast"),
        ("Lunch: soup", MealType.LUNCH, "soup"),
        ("2 eggs for breakfast", MealType.BREAKFAST, "2 eggs"),
        ("an apple as a snack", MealType.SNACK, "an apple"),
        ("For Dinner, steak and fries", MealType.DINNER, "steak and fries"),
        ("pour le dîner une soupe", MealType.DINNER, "une soupe"),
        ("un croissant au petit-déjeuner", MealType.BREAKFAST, "un croissant"),
        ("goûter : une pomme", MealType.SNACK, "une pomme"),
        ("une salade au déjeuner.", MealType.LUNCH, "une salade"),
    ],
)
def test_words_name_the_type_and_leave_the_food(text: str, kind: MealType, rest: str) -> None:
    assert meal_type_in(text) == (kind, rest)


@pytest.mark.parametrize("text", ["a dinner roll", "snack bar 200 kcal", "breakfast burrito", "pizza", "dinnerware"])
def test_food_named_after_a_meal_stays_food(text: str) -> None:
    assert meal_type_in(text) == (None, text)


@pytest.mark.parametrize(
    ("hour", "minute", "kind"),
    [
        (3, 59, MealType.SNACK),
        (4, 0, MealType.BREAKFAST),
        (10, 59, MealType.BREAKFAST),
        (11, 0, MealType.LUNCH),
        (15, 30, MealType.SNACK),
        (17, 30, MealType.DINNER),
        (21, 59, MealType.DINNER),
        (22, 0, MealType.SNACK),
    ],
)
def test_the_local_hour_decides_otherwise(hour: int, minute: int, kind: MealType) -> None:
    assert meal_type_at(time(hour, minute)) is kind


def meal(hour: int, kcal: float, name: str, kind: MealType | None = None) -> Meal:
    item = MealItem(name, 0, kcal, 0, 0, 0, ItemSource.MANUAL, kcal, kcal)
    return Meal(None, UserId(1), datetime(2026, 6, 1, hour, 0, tzinfo=UTC), date(2026, 6, 1), (item,), meal_type=kind)


def test_today_groups_meals_by_type_in_the_day_order_with_their_kcal() -> None:
    meals = [
        meal(6, 300, "oats"),
        meal(10, 150, "apple", MealType.SNACK),
        meal(12, 600, "pasta"),
        meal(7, 50, "coffee"),
    ]
    lines = grouped_meals("en", meals, "Europe/Paris")  # UTC+2 in June: 06:00 UTC is 08:00 breakfast
    assert lines == [
        "🍳 Breakfast · 350 kcal",
        "• 08:00 — 300 kcal: oats",
        "• 09:00 — 50 kcal: coffee",
        "🥗 Lunch · 600 kcal",
        "• 14:00 — 600 kcal: pasta",
        "🍎 Snacks · 150 kcal",
        "• 12:00 — 150 kcal: apple",
    ]
    french = grouped_meals("fr", meals, "Europe/Paris")
    assert french[:2] == ["🍳 Petit-déjeuner · 350 kcal", "• 08:00 — 300 kcal : oats"]  # a space before ':'
