"""The words under the charts: honest goal dates, tips with their evidence, English and French."""

from dataclasses import replace
from datetime import date

import pytest

from bots.common.charts.samples import PROFILE, sample_week, sample_weight_report
from bots.common.progress_text import eta_text, tip_text, week_text, weight_text
from core.progress.goal import EtaKind, GoalEta
from core.progress.tips import Tip, TipKind


def test_goal_date_texts_never_promise_a_date_they_do_not_have() -> None:
    on_track = eta_text("en", GoalEta(EtaKind.ON_TRACK, date(2027, 3, 12), -5.0), 70.0)
    assert on_track == "🎯 Goal 70 kg: at this pace around 12 Mar 2027."
    assert eta_text("fr", GoalEta(EtaKind.ON_TRACK, date(2027, 3, 12), -5.0), 70.0) == (
        "🎯 Objectif 70 kg : à ce rythme, vers le 12 mars 2027."
    )
    for kind in (EtaKind.FLAT, EtaKind.WRONG_WAY, EtaKind.TOO_FAR, EtaKind.NOT_ENOUGH_DATA, EtaKind.NO_GOAL):
        text = eta_text("en", GoalEta(kind), 70.0)
        assert "2027" not in text and "around" not in text
    assert "other way" in eta_text("en", GoalEta(EtaKind.WRONG_WAY), 70.0)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "💡 Saturdays usually go over: 3 of the last 4, by 450 kcal on average."),
        ("fr", "💡 Le samedi, l’objectif est souvent dépassé : 3 fois sur les 4 derniers, de 450 kcal en moyenne."),
    ],
)
def test_tip_names_the_weekday_and_the_evidence(lang: str, expected: str) -> None:
    assert tip_text(lang, Tip(TipKind.OVER_ON_WEEKDAY, 5, 3, 4, 450.0)).startswith(expected)


def test_every_tip_kind_has_a_text() -> None:
    for kind in TipKind:
        assert tip_text("en", Tip(kind, 0, 2, 4, 12.0)).startswith("💡")


def test_week_text_without_a_target_asks_for_the_profile() -> None:
    report = sample_week(30)
    assert "Days won:" in week_text("en", report) and "Macros: protein 20 %" in week_text("en", report)
    no_target = replace(report, target_kcal=None)
    assert "Finish /profile" in week_text("en", no_target) and "Days won" not in week_text("en", no_target)


def test_weight_text_without_height_or_readings() -> None:
    assert "No weigh-ins yet" in weight_text("en", sample_weight_report(0))
    text = weight_text("en", sample_weight_report(30, replace(PROFILE, height_cm=None)))
    assert "/profile height=" in text and "BMI " not in text
