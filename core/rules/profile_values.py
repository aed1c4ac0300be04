r"""Reading and checking profile values typed by people: units, ranges, names.

``parse_field("height", "5'11\"")`` → 180.3; every failure is an :class:`InvalidValue`
whose message says what was wrong and what would be accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.errors import InvalidValue
from core.model.profile import Activity, GoalKind, Sex, Units
from core.rules.days import zone
from core.rules.units import INCH_IN_CM, LB_IN_KG, UNIT_WORDS, weight_from
from core.text import N_

_NUMBER = r"(\d+(?:[.,]\d+)?)"

FIELD_ALIASES = {
    "sex": "sex",
    "gender": "sex",
    "sexe": "sex",
    "born": "birth_year",
    "birth_year": "birth_year",
    "year": "birth_year",
    "age": "age",
    "né": "birth_year",
    "height": "height_cm",
    "taille": "height_cm",
    "height_cm": "height_cm",
    "weight": "weight_kg",
    "poids": "weight_kg",
    "weight_kg": "weight_kg",
    "activity": "activity",
    "activité": "activity",
    "activite": "activity",
    "goal": "goal",
    "objectif": "goal",
    "rate": "rate_kg_per_week",
    "rythme": "rate_kg_per_week",
    "target": "goal_weight_kg",
    "goal_weight": "goal_weight_kg",
    "tz": "timezone",
    "timezone": "timezone",
    "zone": "timezone",
    "lang": "language",
    "language": "language",
    "langue": "language",
    "units": "units",
    "unit": "units",
    "unités": "units",
    "unites": "units",
}

LANGUAGES = ("en", "fr")


def _number(field: str, text: str, what: str) -> float:
    match = re.fullmatch(_NUMBER, text.strip())
    if not match:
        raise InvalidValue(field, "I could not read “{text}” as {what}.", text=text[:50], what=what)
    return float(match.group(1).replace(",", "."))


def _in_range(field: str, value: float, low: float, high: float, label: str, unit: str) -> float:
    if not low <= value <= high:
        raise InvalidValue(
            field,
            "{label} {value} {unit} is not plausible: give a value between {low} and {high} {unit}.",
            label=label,
            value=f"{value:g}",
            unit=unit,
            low=f"{low:g}",
            high=f"{high:g}",
        )
    return value


def parse_height_cm(text: str) -> float:
    """Centimetres from ``180``, ``180cm``, ``1.80m``, ``5'11"``, ``71in``."""
    raw = text.strip().lower().replace(" ", "")
    feet = re.fullmatch(r"(\d)'(?:(\d{1,2}(?:\.\d+)?)(?:\"|'')?)?", raw) or re.fullmatch(r"(\d)ft(?:(\d{1,2})in)?", raw)
    if feet:
        cm = (int(feet.group(1)) * 12 + float(feet.group(2) or 0)) * INCH_IN_CM
    elif raw.endswith("cm"):
        cm = _number("height_cm", raw[:-2], N_("a height"))
    elif raw.endswith("in"):
        cm = _number("height_cm", raw[:-2], N_("a height")) * INCH_IN_CM
    elif raw.endswith("m"):
        cm = _number("height_cm", raw[:-1], N_("a height")) * 100
    else:
        value = _number("height_cm", raw, N_("a height in cm"))
        cm = value * 100 if value < 3 else value
    return round(_in_range("height_cm", cm, 100, 250, N_("A height of"), "cm"), 1)


def parse_weight_kg(text: str, units: Units = Units.METRIC) -> float:
    """Kilograms from ``80``, ``80kg``, ``176lb``, ``176 lbs``; a bare number is in ``units`` (lb when imperial)."""
    raw = text.strip().lower().replace(" ", "")
    factor = weight_from(1.0, units)
    for suffix, unit_factor in (("lbs", LB_IN_KG), ("lb", LB_IN_KG), ("kg", 1.0)):
        if raw.endswith(suffix):
            raw, factor = raw[: -len(suffix)], unit_factor
            break
    value = _number("weight_kg", raw, N_("a weight")) * factor
    digits = 1 if factor == 1.0 else 2  # pounds kept to 0.01 kg, so 154 lb reads back as 154 lb, not 154.1
    return round(_in_range("weight_kg", value, 25, 400, N_("A weight of"), "kg"), digits)


def parse_birth_year(text: str, current_year: int, *, as_age: bool = False) -> int:
    """A birth year from ``1990`` (or an age such as ``34``; always an age when ``as_age``), for ages 13 to 110.

    The refusal names the number as the user meant it: ``age=300`` is "an age of 300", ``born=1500`` a birth year.
    """
    value = int(_number("birth_year", text, N_("a birth year or an age")))
    given_as_age = as_age or value < 200
    year = current_year - value if given_as_age else value
    if not 13 <= current_year - year <= 110:
        if given_as_age:
            raise InvalidValue(
                "birth_year", "An age of {age} is not plausible: WinStreak is for people aged 13 to 110.", age=value
            )
        raise InvalidValue(
            "birth_year",
            "A birth year of {year} is not plausible: WinStreak is for people aged 13 to 110.",
            year=value,
        )
    return year


CHOICE_REFUSED = "“{text}” is not a {label}. Choose one of: {names}."
"""The refusal of a typed choice; it names the values ``/profile field=value`` takes (a question with buttons
says "choose one below" instead)."""


def _choice(field: str, text: str, options: dict[str, str], label: str) -> str:
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    if key in options:
        return options[key]
    names = ", ".join(sorted(set(options.values())))
    raise InvalidValue(field, CHOICE_REFUSED, text=text[:50], label=label, names=names)


_SEX = {
    "male": "male",
    "m": "male",
    "man": "male",
    "homme": "male",
    "h": "male",
    "female": "female",
    "f": "female",
    "woman": "female",
    "femme": "female",
}
_ACTIVITY = {a.value: a.value for a in Activity} | {
    "1": "sedentary",
    "2": "light",
    "3": "moderate",
    "4": "active",
    "5": "very_active",
    "sédentaire": "sedentary",
    "sedentaire": "sedentary",
    "léger": "light",
    "modéré": "moderate",
    "modere": "moderate",
    "actif": "active",
    "very": "very_active",
    "très_actif": "very_active",
}
_GOAL = {g.value: g.value for g in GoalKind} | {
    "perdre": "lose",
    "maintenir": "maintain",
    "prendre": "gain",
    "loss": "lose",
    "keep": "maintain",
}


def parse_rate(text: str) -> float:
    """A weekly rate in kg from ``0.5``, ``0.5kg`` or ``1lb`` (at most the safe 1 kg)."""
    raw = text.strip().lower().replace(" ", "").removesuffix("/week").removesuffix("/semaine")
    factor = 1.0
    for suffix, unit_factor in (("lbs", LB_IN_KG), ("lb", LB_IN_KG), ("kg", 1.0)):
        if raw.endswith(suffix):
            raw, factor = raw[: -len(suffix)], unit_factor
            break
    kg = round(_number("rate_kg_per_week", raw, N_("a weekly rate in kg")) * factor, 2)
    return _in_range("rate_kg_per_week", kg, 0, 1, N_("A weekly rate of"), "kg")


_LANGUAGE = {"en": "en", "english": "en", "anglais": "en", "fr": "fr", "français": "fr", "francais": "fr",
             "french": "fr"}  # fmt: skip
_UNITS = {word: units.value for word, units in UNIT_WORDS.items()}


def parse_field(field: str, text: str, current_year: int, units: Units = Units.METRIC) -> object:
    """Parse one profile field from text; returns the typed value to store (bare weights read in ``units``)."""
    parsers: dict[str, Callable[[str], object]] = {
        "sex": lambda t: Sex(_choice("sex", t, _SEX, N_("sex"))),
        "birth_year": lambda t: parse_birth_year(t, current_year),
        "age": lambda t: parse_birth_year(t, current_year, as_age=True),
        "height_cm": parse_height_cm,
        "weight_kg": lambda t: parse_weight_kg(t, units),
        "goal_weight_kg": lambda t: parse_weight_kg(t, units),
        "activity": lambda t: Activity(_choice("activity", t, _ACTIVITY, N_("activity level"))),
        "goal": lambda t: GoalKind(_choice("goal", t, _GOAL, N_("goal"))),
        "rate_kg_per_week": parse_rate,
        "timezone": lambda t: zone(t.strip()).key,
        "language": lambda t: _choice("language", t, _LANGUAGE, N_("supported language")),
        "units": lambda t: Units(_choice("units", t, _UNITS, N_("unit system"))),
    }
    return parsers[field](text)


def parse_assignments(text: str, current_year: int, units: Units = Units.METRIC) -> dict[str, object]:
    """Parse ``key=value`` pairs (``height=180cm weight=80kg tz=Europe/Brussels``) into profile fields.

    Bare weights are read in ``units`` (the profile's), or in the ``units=`` given on the same line.
    Raises :class:`InvalidValue` naming the first bad key or value; nothing is partially applied.
    """
    changes: dict[str, object] = {}
    for token in text.split():  # a units=… anywhere on the line decides how its bare weights are read
        key, _, value = token.partition("=")
        if FIELD_ALIASES.get(key.strip().lower()) == "units":
            units = Units(_choice("units", value, _UNITS, N_("unit system")))
    for token in text.split():
        if "=" not in token:
            raise InvalidValue("profile", "“{token}” is not a key=value pair, e.g. weight=80kg.", token=token[:50])
        key, value = token.split("=", 1)
        field = FIELD_ALIASES.get(key.strip().lower())
        if field is None:
            known = ", ".join(
                sorted({"sex", "born", "height", "weight", "activity", "goal", "rate", "target", "tz", "lang", "units"})
            )
            raise InvalidValue(
                "profile", "I don't know the profile field “{key}”. Known fields: {known}.", key=key[:50], known=known
            )
        changes["birth_year" if field == "age" else field] = parse_field(field, value, current_year, units)
    return changes
