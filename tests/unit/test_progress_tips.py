"""One concrete tip from recent days."""

from datetime import date, timedelta

from core.model.day_totals import DayTotals
from core.progress.tips import TipKind, pick_tip
from core.progress.week import DayRow, day_rows
from core.progress.weeks import days_between

START = date(2026, 10, 5)  # a Monday
END = START + timedelta(weeks=4) - timedelta(days=1)
TODAY = END + timedelta(days=1)


def rows(kcal_of: dict[int, float], protein: float = 100.0) -> list[DayRow]:
    """Four weeks; ``kcal_of`` maps weekday → kcal (other weekdays 1800 kcal)."""
    totals = {}
    for day in days_between(START, END):
        kcal = kcal_of.get(day.weekday(), 1800.0)
        if kcal >= 0:
            totals[day] = DayTotals(day, kcal, protein, 200, 60, 1)
    return day_rows(days_between(START, END), totals, TODAY, 2000, None)


def test_the_weekday_that_usually_goes_over() -> None:
    tip = pick_tip(rows({5: 2600.0}))  # every Saturday 600 kcal over
    assert (tip.kind, tip.weekday, tip.count, tip.out_of, tip.amount) == (TipKind.OVER_ON_WEEKDAY, 5, 4, 4, 600.0)


def test_the_weekday_that_is_usually_not_logged() -> None:
    tip = pick_tip(rows({6: -1}))  # Sundays never logged
    assert (tip.kind, tip.weekday, tip.count, tip.out_of) == (TipKind.MISSED_ON_WEEKDAY, 6, 4, 4)


def test_often_under_and_low_protein_and_keep_going() -> None:
    assert pick_tip(rows({0: 900.0, 2: 900.0, 4: 900.0})).kind is TipKind.OFTEN_UNDER
    assert pick_tip(rows({}, protein=20.0)).kind is TipKind.LOW_PROTEIN
    tip = pick_tip(rows({}))
    assert (tip.kind, tip.count, tip.out_of) == (TipKind.KEEP_GOING, 28, 28)


def test_too_little_data_asks_to_log() -> None:
    assert pick_tip([]).kind is TipKind.START_LOGGING
    assert pick_tip(rows({d: -1 for d in range(7)})).kind is TipKind.START_LOGGING
