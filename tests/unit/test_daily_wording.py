"""Wording people see every day: plurals, switched-off notifications, ages as typed, BMI/IMC, French rank names."""

from dataclasses import replace
from datetime import date

import pytest

from bots.common.flows.notification_settings import prefs_text
from bots.common.game_names import league_title, rank_title
from bots.common.game_text import rank_text, streak_text, trophy_title
from bots.common.notifications import daily_result_text
from bots.common.render import profile_text
from bots.common.win_text import win_line
from core.errors import InvalidValue
from core.model import Activity, GoalKind, Profile, Sex
from core.model.notifications import DailyResultData, NotificationPrefs
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.rules.player import PlayerStats
from core.rules.profile_values import parse_assignments
from core.rules.ranks import rank_of
from core.rules.trophies import catalogue
from core.services.game_status import GameStatus

RULES = GameRules()


def status(streak: int, won_run: int, rp: int = 0) -> GameStatus:
    stats = PlayerStats(streak=streak, best_streak=streak, won_run=won_run, rp=rp)
    nxt = (rank_of(rp, RULES).step + 1) * RULES.rp_per_division
    return GameStatus("Ada", stats, rank_of(rp, RULES), nxt, (), ())


@pytest.mark.parametrize(
    ("lang", "streak", "expected"),
    [
        ("en", 1, "Streak: 1 day (best 1)"),
        ("en", 0, "Streak: 0 days (best 0)"),
        ("en", 3, "Streak: 3 days (best 3)"),
        ("fr", 1, "Série : 1 jour (record 1)"),
        ("fr", 0, "Série : 0 jour (record 0)"),
        ("fr", 4, "Série : 4 jours (record 4)"),
    ],
)
def test_streak_days_take_the_language_plural(lang: str, streak: int, expected: str) -> None:
    assert expected in streak_text(lang, status(streak, 0), RULES)


def test_freeze_countdown_is_singular_for_one_day() -> None:
    almost = status(RULES.freeze_every - 1, RULES.freeze_every - 1)
    assert "1 more won day in a row earns a freeze." in streak_text("en", almost, RULES)
    assert "2 more won days in a row earn" in streak_text("en", status(1, RULES.freeze_every - 2), RULES)


def test_notifications_that_are_off_have_no_time() -> None:
    text = prefs_text("en", NotificationPrefs(daily_results_on=False, reminder_time="21:30"))
    assert "Daily result: off\n" in text and "Evening reminder: at 21:30" in text and "off at" not in text
    assert "Résultat du jour : désactivé" in prefs_text("fr", NotificationPrefs(daily_results_on=False))


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("age=300", "An age of 300 is not plausible"),
        ("age=5", "An age of 5 is not plausible"),
        ("born=1500", "A birth year of 1500 is not plausible"),
        ("born=150", "An age of 150 is not plausible"),  # below 200 a bare number is an age
    ],
)
def test_an_implausible_age_is_named_as_the_user_typed_it(given: str, says: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        parse_assignments(given, 2026)
    assert says in str(raised.value)


def test_age_is_always_an_age_and_born_is_a_year() -> None:
    assert parse_assignments("age=35", 2026) == {"birth_year": 1991}
    assert parse_assignments("born=1990", 2026) == {"birth_year": 1990}


def test_profile_bmi_is_imc_in_french_and_its_category_matches_the_number_shown() -> None:
    profile = Profile(height_cm=180, weight_kg=80.95, language="fr")  # BMI 24.985 → shown 25.0
    assert "IMC : 25,0 (surpoids)" in profile_text("fr", profile)
    english = profile_text("en", replace(profile, language="en"))
    assert "BMI: 25.0 (overweight)" in english


def test_rank_and_league_names_in_french() -> None:
    silver = rank_of(3 * RULES.rp_per_division, RULES)
    assert rank_title("en", silver) == "Silver III" and rank_title("fr", silver) == "Argent III"
    assert rank_title("fr", rank_of(10**6, RULES)) == "Légende"
    assert league_title("fr", 2) == "Chêne" and league_title("en", 40) == "League 41"
    card = rank_text("fr", status(0, 0, rp=3 * RULES.rp_per_division), RULES)
    assert "Argent III" in card and "Silver" not in card


def test_win_line_tells_what_is_left_missing_or_over() -> None:
    rules = GameRules(min_share=0.6, tolerance=0.0)
    assert win_line("en", 1500, 2000, rules) == "500 kcal left to win today"
    assert win_line("en", 1000, 2000, rules) == "1000 kcal left to win today (at least 200 more to count)"
    assert win_line("en", 2100, 2000, rules) == "100 kcal over: as it stands, today is lost"
    assert win_line("en", 2000, 2000, rules, today=False) == "0 kcal left to win that day"
    assert win_line("fr", 1500, 2000, rules) == "Encore 500 kcal pour gagner aujourd’hui"
    loose = GameRules(min_share=0.6, tolerance=0.1)
    assert win_line("en", 2100, 2000, loose) == "100 kcal left to win today"  # within the 10 % tolerance


def test_trophy_names_fill_their_values_in_the_daily_result_and_translate_tiers() -> None:
    by_code = {trophy.code: trophy for trophy in catalogue(RULES)}
    assert trophy_title("fr", by_code["tier_silver"]) == "Argent atteint"
    assert trophy_title("en", by_code["tier_silver"]) == "Silver reached"
    data = DailyResultData(date(2026, 6, 1), "won", 1500, 2000, 7, 7, 1, False, 100, 120, ("streak_7", "tier_silver"))
    text = daily_result_text("en", data, RULES)
    assert "🏆 New trophy: 🔥 7-day streak" in text and "Silver reached" in text and "{" not in text


def test_profile_shows_the_goal_weight_and_the_daily_target() -> None:
    profile = Profile(
        sex=Sex.FEMALE, birth_year=1990, height_cm=165, weight_kg=60, activity=Activity.LIGHT,
        goal=GoalKind.LOSE, rate_kg_per_week=0.5, goal_weight_kg=55, timezone="Europe/Paris",
    )  # fmt: skip
    text = profile_text("en", profile, 2026)
    assert "Goal weight: 55 kg" in text and f"Daily target: {daily_target(profile, 2026).kcal} kcal" in text
    assert "Objectif du jour" in profile_text("fr", profile, 2026) and "Poids visé : 55 kg" in profile_text(
        "fr", profile
    )
    assert "Daily target" not in profile_text("en", Profile())  # incomplete: no target yet
