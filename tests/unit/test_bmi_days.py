from datetime import UTC, date, datetime

import pytest

from core.errors import InvalidValue
from core.rules.bmi import BmiCategory, bmi, bmi_category
from core.rules.days import local_day


def test_bmi_worked_example() -> None:
    assert bmi(80, 180) == pytest.approx(24.69, abs=0.01)


@pytest.mark.parametrize(
    ("value", "category"),
    [
        (18.4, BmiCategory.UNDERWEIGHT),
        (18.5, BmiCategory.NORMAL),
        (24.9, BmiCategory.NORMAL),
        (25.0, BmiCategory.OVERWEIGHT),
        (30.0, BmiCategory.OBESE_I),
        (35.0, BmiCategory.OBESE_II),
        (40.0, BmiCategory.OBESE_III),
    ],
)
def test_who_categories_lower_bounds_inclusive(value: float, category: BmiCategory) -> None:
    assert bmi_category(value) is category


def test_local_day_follows_the_users_zone() -> None:
    moment = datetime(2025, 3, 1, 23, 30, tzinfo=UTC)
    assert local_day(moment, "UTC") == date(2025, 3, 1)
    assert local_day(moment, "Europe/Paris") == date(2025, 3, 2)
    assert local_day(moment, "America/Los_Angeles") == date(2025, 3, 1)
    assert local_day(datetime(2025, 3, 1, 18, 20, tzinfo=UTC), "Asia/Kathmandu") == date(2025, 3, 2)  # +05:45


def test_unknown_zone_is_a_clear_error() -> None:
    with pytest.raises(InvalidValue, match="not a time zone I know"):
        local_day(datetime(2025, 1, 1, tzinfo=UTC), "Mars/Olympus")
