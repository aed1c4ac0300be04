"""Words for progress in the user's language: day results, BMI categories, dates, weekdays."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, get_day_names

from bots.common.i18n import t
from core.progress.day_status import DayStatus
from core.rules.bmi import BmiCategory


def status_label(lang: str, status: DayStatus, *, today: bool = True) -> str:
    """The short word drawn on a day's bar (a past day still in its grace period is "not closed", not "today")."""
    labels = {
        DayStatus.WON: t(lang, "WON"),
        DayStatus.LOST: t(lang, "LOST"),
        DayStatus.UNDER: t(lang, "UNDER"),
        DayStatus.MISSED: t(lang, "MISSED"),
        DayStatus.IN_PROGRESS: t(lang, "today") if today else t(lang, "not closed"),
        DayStatus.NONE: "",
    }
    return labels[status]


def bmi_label(lang: str, category: BmiCategory) -> str:
    """A BMI category's name."""
    labels = {
        BmiCategory.UNDERWEIGHT: t(lang, "underweight"),
        BmiCategory.NORMAL: t(lang, "normal"),
        BmiCategory.OVERWEIGHT: t(lang, "overweight"),
        BmiCategory.OBESE_I: t(lang, "obese class I"),
        BmiCategory.OBESE_II: t(lang, "obese class II"),
        BmiCategory.OBESE_III: t(lang, "obese class III"),
    }
    return labels[category]


def _locale(lang: str) -> str:
    return lang if lang in ("en", "fr") else "en"


def short_day(lang: str, day: date) -> str:
    """``Mon 23`` / ``lun. 23``."""
    return format_date(day, "EEE d", locale=_locale(lang))


def long_date(lang: str, day: date) -> str:
    """``23 Nov 2026`` / ``23 nov. 2026``."""
    return format_date(day, "d MMM y", locale=_locale(lang))


def day_month(lang: str, day: date) -> str:
    """``23 Nov`` / ``23 nov.``."""
    return format_date(day, "d MMM", locale=_locale(lang))


def month_year(lang: str, day: date) -> str:
    """``Nov 2026`` / ``nov. 2026``."""
    return format_date(day, "MMM y", locale=_locale(lang))


def weekday_name(lang: str, weekday: int, plural: bool = False) -> str:
    """``Saturday`` (0 = Monday); English plural ``Saturdays`` for sentences about habits."""
    name = str(get_day_names("wide", locale=_locale(lang))[weekday])
    return name + "s" if plural and _locale(lang) == "en" else name
