"""Repeat requests are read only when every word asks for a repeat; anything with food in it stays a meal."""

import pytest

from core.model import MealType
from core.rules.repeat_words import RepeatAsk, read_repeat


@pytest.mark.parametrize("text", ["again", "Again!", "same again", "the same", "encore", "pareil", "la même chose"])
def test_again_means_the_last_saved_meal(text: str) -> None:
    assert read_repeat(text) == RepeatAsk(0)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("same as yesterday", None),
        ("Same as yesterday's breakfast", MealType.BREAKFAST),
        ("same as yesterday’s breakfast.", MealType.BREAKFAST),
        ("same breakfast as yesterday", MealType.BREAKFAST),
        ("same as yesterday for lunch", MealType.LUNCH),
        ("same as last night", MealType.DINNER),
        ("pareil qu'hier", None),
        ("comme hier au petit-déjeuner", MealType.BREAKFAST),
        ("la même chose qu’hier midi", MealType.LUNCH),
        ("comme hier soir", MealType.DINNER),
        ("même goûter qu'hier", MealType.SNACK),
    ],
)
def test_yesterday_with_or_without_a_meal_type(text: str, kind: MealType | None) -> None:
    assert read_repeat(text) == RepeatAsk(1, kind)


@pytest.mark.parametrize(
    "text",
    [
        "yesterday for breakfast 2 eggs",  # a meal for yesterday, not a repeat
        "same as yesterday but with rice",
        "2 eggs again",
        "yesterday",
        "breakfast",
        "same as yesterday lunch and dinner",  # two types: not one meal
        "same as yesterday 200 g",
        "hier soir une soupe",
        "",
        "again " * 30,
    ],
)
def test_anything_else_is_not_a_repeat(text: str) -> None:
    assert read_repeat(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("same as this morning", MealType.BREAKFAST),
        ("same as this morning's breakfast", MealType.BREAKFAST),
        ("Same as this morning’s breakfast!", MealType.BREAKFAST),
        ("pareil que ce matin", MealType.BREAKFAST),
        ("comme ce midi", MealType.LUNCH),
        ("same lunch as today", MealType.LUNCH),
        ("la même chose qu'aujourd'hui au petit-déjeuner", MealType.BREAKFAST),
        ("same as earlier today", None),
        ("same as earlier", None),
        ("pareil que tout à l'heure", None),
    ],
)
def test_today_with_or_without_a_meal_type(text: str, kind: MealType | None) -> None:
    assert read_repeat(text) == RepeatAsk(0, kind, today=True)


@pytest.mark.parametrize(
    "text",
    [
        "this morning 2 eggs",  # a meal, not a repeat
        "same as this",
        "same as this morning and yesterday",  # two days
        "same as this morning but with jam",
        "ce matin un croissant",
    ],
)
def test_today_words_in_anything_else_are_not_a_repeat(text: str) -> None:
    assert read_repeat(text) is None
