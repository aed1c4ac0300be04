import pytest

from core.errors import InvalidValue
from core.model.profile import Activity, GoalKind, Sex
from core.rules.profile_values import parse_assignments, parse_height_cm, parse_weight_kg

YEAR = 2026


@pytest.mark.parametrize(
    ("text", "cm"),
    [
        ("180", 180.0),
        ("180cm", 180.0),
        ("1.80m", 180.0),
        ("1,75", 175.0),
        ("5'11\"", 180.3),
        ("5'11", 180.3),
        ("6ft", 182.9),
        ("71in", 180.3),
    ],
)
def test_heights_in_many_units(text: str, cm: float) -> None:
    assert parse_height_cm(text) == cm


@pytest.mark.parametrize(
    ("text", "kg"), [("80", 80.0), ("80kg", 80.0), ("176lb", 79.83), ("176 lbs", 79.83), ("79,5", 79.5)]
)
def test_weights_in_kg_and_pounds(text: str, kg: float) -> None:
    assert parse_weight_kg(text) == kg


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("height=5m", "not plausible"),
        ("weight=-3", "could not read"),
        ("age=300", "not plausible"),
        ("born=1890", "not plausible"),
        ("tz=Mars/Base", "time zone"),
        ("height=tall", "could not read"),
        ("colour=blue", "don't know the profile field"),
        ("weight80", "key=value"),
        ("rate=2", "not plausible"),
        ("activity=couch", "Choose one of"),
    ],
)
def test_absurd_values_are_refused_clearly(text: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        parse_assignments(text, YEAR)


def test_whole_profile_in_one_line() -> None:
    changes = parse_assignments(
        "sex=male born=1990 height=180 weight=80 activity=moderate goal=lose rate=0.5 tz=Europe/Brussels", YEAR
    )
    assert changes == {
        "sex": Sex.MALE,
        "birth_year": 1990,
        "height_cm": 180.0,
        "weight_kg": 80.0,
        "activity": Activity.MODERATE,
        "goal": GoalKind.LOSE,
        "rate_kg_per_week": 0.5,
        "timezone": "Europe/Brussels",
    }


def test_age_instead_of_birth_year_and_units() -> None:
    assert parse_assignments("age=36 height=5'11\" weight=176lb", YEAR) == {
        "birth_year": 1990,
        "height_cm": 180.3,
        "weight_kg": 79.83,  # pounds are kept to 0.01 kg so they read back as typed
    }
