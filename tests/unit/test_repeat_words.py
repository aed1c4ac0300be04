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
