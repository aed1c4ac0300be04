"""The day a /meals or /exercise argument names: today, yesterday (English or French), an ISO date, or none."""

from __future__ import annotations

from datetime import date

import pytest

from bots.common.flows.exercise_days import day_asked
from bots.common.flows.meals import day_named

TODAY = date(2026, 6, 2)


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("", TODAY),
        ("  Today ", TODAY),
        ("aujourd’hui", TODAY),
        ("yesterday", date(2026, 6, 1)),
        ("HIER", date(2026, 6, 1)),
        ("2026-05-30", date(2026, 5, 30)),
        ("last week", None),
        ("2026-13-01", None),
    ],
)
def test_meals_and_exercise_read_the_same_days(words: str, day: date | None) -> None:
    assert day_named(words, TODAY) == day
    assert day_asked(words, TODAY) == day


def test_only_exercise_reads_list_as_today() -> None:
    assert [day_asked(w, TODAY) for w in ("list", " Liste ")] == [TODAY, TODAY]
    assert [day_named(w, TODAY) for w in ("list", "liste")] == [None, None]
