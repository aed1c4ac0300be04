import pytest

from core.food.nutrition_check import Nutrition, check, parse_number


def test_kcal_is_used_as_given() -> None:
    assert check(539.0, 2252.0, 6.3, 57.5, 30.9).nutrition == Nutrition(539.0, 6.3, 57.5, 30.9)


def test_kilojoules_only_are_converted() -> None:
    verdict = check(None, 1000.0, 5.0, 40.0, 5.0)
    assert verdict.nutrition is not None
    assert verdict.nutrition.kcal == pytest.approx(239.0, abs=0.1)


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ((None, None, 1.0, 1.0, 1.0), "no_energy"),
        ((950.0, None, 0.0, 0.0, 100.0), "kcal_out_of_range"),
        ((-5.0, None, 0.0, 0.0, 0.0), "kcal_out_of_range"),
        ((400.0, None, 60.0, 60.0, 10.0), "macros_impossible"),
        ((400.0, None, -1.0, 60.0, 10.0), "macros_impossible"),
        ((50.0, None, 30.0, 30.0, 30.0), "energy_below_macros"),
    ],
)
def test_rejections_name_their_reason(values: tuple[float | None, ...], reason: str) -> None:
    verdict = check(*values)
    assert verdict.nutrition is None
    assert verdict.reason == reason


def test_pure_fat_slightly_above_900_is_capped() -> None:
    verdict = check(902.0, None, 0.0, 0.0, 100.0)
    assert verdict.nutrition is not None and verdict.nutrition.kcal == 900.0


def test_missing_macros_count_as_zero() -> None:
    assert check(40.0, None, None, 10.0, None).nutrition == Nutrition(40.0, 0.0, 10.0, 0.0)


@pytest.mark.parametrize(("cell", "value"), [("12,5", 12.5), (" 3 ", 3.0), ("", None), ("abc", None), ("nan", None)])
def test_parse_number(cell: str, value: float | None) -> None:
    assert parse_number(cell) == value
