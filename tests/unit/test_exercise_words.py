"""Reading exercise from words (English and French), and leaving meals alone: the classifier on both kinds."""

from __future__ import annotations

import pytest

from bots.common.flows.intents import intent
from core.exercise.words import read_exercise


@pytest.mark.parametrize(
    ("text", "activity", "minutes", "km"),
    [
        ("I ran 5 km", "running", None, 5.0),
        ("ran a 10k this morning", "running", None, 10.0),
        ("30 min cycling", "cycling", 30.0, None),
        ("walked for an hour", "walking", 60.0, None),
        ("45 min swimming", "swimming", 45.0, None),
        ("swam 1500 m", "swimming", None, 1.5),
        ("1h30 bike ride", "cycling", 90.0, None),
        ("hiked 2 hours", "hiking", 120.0, None),
        ("half an hour of yoga", "yoga", 30.0, None),
        ("ran 3 miles in 25 minutes", "running", 25.0, 4.828032),
        ("20 mins on the exercise bike", "stationary_bike", 20.0, None),
        ("j'ai couru 5 km", "running", None, 5.0),
        ("30 min de vélo", "cycling", 30.0, None),
        ("J’ai marché une heure", "walking", 60.0, None),
        ("une demi-heure de natation", "swimming", 30.0, None),
        ("45 minutes de musculation", "weights", 45.0, None),
        ("1 h 15 de randonnée", "hiking", 75.0, None),
    ],
)
def test_exercise_sentences_are_read(text: str, activity: str, minutes: float | None, km: float | None) -> None:
    said = read_exercise(text)
    assert said is not None, text
    assert said.activity.key == activity
    assert said.minutes == minutes
    assert said.distance_km == pytest.approx(km) if km is not None else said.distance_km is None
    assert intent(text) == "exercise"


@pytest.mark.parametrize(
    "text",
    [
        "I ran out of milk so I had toast",
        "2 eggs and toast",
        "a run-in with a 300 g steak",
        "chicken salad 350 g",
        "I ate a banana after my 5 km run",
        "had a protein bar after 30 min cycling",
        "j'ai mangé une pomme après 30 min de vélo",
        "un croissant et un café au lait",
        "spaghetti bolognese 400 g",
        "walnut cake 100 g",
        "a basket of fries",
        "running late, grabbed a sandwich",
        "soup 300 kcal",
        "pain de mie 2 tranches",
    ],
)
def test_meals_stay_meals(text: str) -> None:
    assert read_exercise(text) is None, text
    assert intent(text) != "exercise"


def test_questions_about_exercise_stay_questions() -> None:
    assert intent("how many kcal is 30 min cycling?") == "question"


def test_a_meal_verb_followed_by_the_exercise_itself_is_still_exercise() -> None:
    said = read_exercise("had a 30 min run")
    assert said is not None and said.activity.key == "running" and said.minutes == 30.0


def test_no_meal_description_of_the_dev_set_is_read_as_exercise() -> None:
    """NutriBench dev meals (../shared, never copied here): every one must stay a meal."""
    import json

    from tests.shared_data import shared_path

    lines = shared_path("eval_dev", "meals_dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    assert len(texts) >= 100
    assert [text for text in texts if read_exercise(text) is not None] == []


def test_a_long_text_is_not_read_as_exercise() -> None:
    assert read_exercise("I ran 5 km " + "and then some more " * 30) is None
    assert read_exercise("ran 5 km " * 20000) is None
