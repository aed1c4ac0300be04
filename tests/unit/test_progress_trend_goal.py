"""Weight trend (Hacker's Diet smoothing), rate by least squares, goal date, BMI series."""

from datetime import UTC, date, datetime, timedelta

import pytest

from core.model import UserId
from core.model.profile import GoalKind
from core.model.weight import WeightEntry
from core.progress.bmi_series import BMI_BANDS, bmi_points, weight_bands, weight_for_bmi
from core.progress.goal import EtaKind, goal_eta
from core.progress.trend import WeightPoint, daily_readings, rate_kg_per_week, reading_before, smoothed_trend
from core.rules.bmi import BmiCategory, bmi_category

D0 = date(2026, 1, 5)


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def test_daily_readings_keep_the_last_of_each_day() -> None:
    entries = [
        WeightEntry(UserId(1), 80.0, datetime(2026, 1, 5, 7, tzinfo=UTC), D0),
        WeightEntry(UserId(1), 80.6, datetime(2026, 1, 5, 21, tzinfo=UTC), D0),
        WeightEntry(UserId(1), 79.8, datetime(2026, 1, 6, 7, tzinfo=UTC), day(1)),
    ]
    assert daily_readings(list(reversed(entries))) == [WeightPoint(D0, 80.6), WeightPoint(day(1), 79.8)]


def test_trend_moves_ten_percent_a_day_and_fills_gaps() -> None:
    trend = smoothed_trend([WeightPoint(D0, 80.0), WeightPoint(day(1), 79.0), WeightPoint(day(3), 77.0)])
    # day1: 80 + 0.1·(79 − 80) = 79.9; day2 (interpolated 78): 79.9 + 0.1·(78 − 79.9) = 79.71;
    # day3: 79.71 + 0.1·(77 − 79.71) = 79.439
    assert [p.day for p in trend] == [D0, day(1), day(2), day(3)]
    assert [p.kg for p in trend] == pytest.approx([80.0, 79.9, 79.71, 79.439])
    assert smoothed_trend([]) == []


def test_rate_is_the_least_squares_slope_per_week() -> None:
    readings = [WeightPoint(day(0), 80.0), WeightPoint(day(7), 79.3), WeightPoint(day(14), 78.6)]
    assert rate_kg_per_week(readings) == pytest.approx(-0.7)
    noisy = [WeightPoint(day(0), 80.0), WeightPoint(day(7), 79.0), WeightPoint(day(14), 79.2)]
    # x = 0, 7, 14 → slope = Σ(x − 7)(y − ȳ)/Σ(x − 7)² = (−7·0.267 + 7·(−0.533))/98 per day = −0.4 kg/week
    assert rate_kg_per_week(noisy) == pytest.approx(-0.4)


def test_rate_needs_three_readings_over_a_week() -> None:
    assert rate_kg_per_week([WeightPoint(day(0), 80.0), WeightPoint(day(9), 79.0)]) is None
    assert rate_kg_per_week([WeightPoint(day(n), 80.0 - n / 10) for n in range(4)]) is None  # 3 days only
    old_and_new = [WeightPoint(day(0), 90.0), WeightPoint(day(1), 90.0), WeightPoint(day(60), 80.0)]
    assert rate_kg_per_week(old_and_new) is None  # only one reading in the last four weeks


def test_goal_date_on_track() -> None:
    # 5 kg to lose at 0.5 kg/week → 70 days after the last reading.
    eta = goal_eta(80.0, 75.0, -0.5, D0, GoalKind.LOSE)
    assert eta.kind is EtaKind.ON_TRACK and eta.day == D0 + timedelta(days=70) and eta.remaining_kg == -5.0
    gain = goal_eta(60.0, 62.0, 0.25, D0, GoalKind.GAIN)
    assert gain.kind is EtaKind.ON_TRACK and gain.day == D0 + timedelta(days=56)


@pytest.mark.parametrize(
    ("current", "goal", "rate", "kind"),
    [
        (80.0, 75.0, 0.3, EtaKind.WRONG_WAY),
        (80.0, 75.0, -0.02, EtaKind.FLAT),
        (80.0, 75.0, None, EtaKind.NOT_ENOUGH_DATA),
        (75.2, 75.0, -0.5, EtaKind.REACHED),
        (74.0, 75.0, 0.4, EtaKind.REACHED),  # below a weight-loss goal already
        (120.0, 70.0, -0.1, EtaKind.TOO_FAR),  # 500 weeks away
        (80.0, None, -0.5, EtaKind.NO_GOAL),
        (None, 75.0, -0.5, EtaKind.NOT_ENOUGH_DATA),
    ],
)
def test_goal_date_is_honest(current: float | None, goal: float | None, rate: float | None, kind: EtaKind) -> None:
    eta = goal_eta(current, goal, rate, D0, GoalKind.LOSE)
    assert eta.kind is kind and eta.day is None


def test_bmi_series_and_bands() -> None:
    points = bmi_points([WeightPoint(D0, 81.0), WeightPoint(day(1), 72.9)], 180.0)
    assert [(p.bmi, p.category) for p in points] == [(25.0, BmiCategory.OVERWEIGHT), (22.5, BmiCategory.NORMAL)]
    assert bmi_points([WeightPoint(D0, 81.0)], None) == []
    assert weight_for_bmi(25.0, 180.0) == pytest.approx(81.0)
    for low, high, category in BMI_BANDS:  # the bands agree with the WHO rule in core.rules.bmi
        assert bmi_category(low + 0.01) is category and bmi_category(min(high, 99) - 0.01) is category
    assert weight_bands(180.0)[1][:2] == pytest.approx((59.94, 81.0))


def test_reading_before() -> None:
    readings = [WeightPoint(day(0), 80.0), WeightPoint(day(5), 79.0)]
    assert reading_before(readings, day(4)) == readings[0]
    assert reading_before(readings, day(-1)) is None
