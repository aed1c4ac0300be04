"""Reading an exercise from words: "I ran 5 km", "30 min cycling", "walked for an hour", "j'ai couru 5 km".

A text is an exercise when it names an activity of :data:`ACTIVITIES` *and* a duration or a distance, and no
eating or drinking verb: "I ran out of milk so I had toast" names no time or distance, so it stays a meal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from core.exercise.activities import ACTIVITIES, Activity

MEAL_VERBS = frozenset(
    {"ate", "eat", "eaten", "eating", "drank", "drink", "drinking", "mange", "manger", "bu", "boire", "bois"}
    | {"breakfast", "lunch", "dinner", "snack", "dejeuner", "diner", "gouter"}
)
MAX_CHARS = 300
"""An exercise is said in a sentence; longer texts are not read (a 100 KB message costs nothing here)."""
_HAD = re.compile(r"\b(?:had|grabbed|pris)\s+(?:(?:a|an|some|the|my|un|une|des|du|de la|mon|ma)\s+)?([\w']+)")
""""had a protein bar" is a meal; "had a 30 min run" is not: what follows such a verb decides."""
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_HOURS = r"h|hr|hrs|hour|hours|heure|heures"
_MINUTES = r"m|min|mins|minute|minutes|mn"
_DISTANCE_UNITS = {
    "km": 1.0, "k": 1.0, "kms": 1.0, "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0,
    "mi": 1.609344, "mile": 1.609344, "miles": 1.609344, "m": 0.001, "meters": 0.001, "metres": 0.001,
    "meter": 0.001, "metre": 0.001,
}  # fmt: skip
_WORD_DURATIONS = (  # longest first: "an hour and a half" before "an hour"
    (r"\b(?:an|one) hour and a half\b|\bune heure et demie\b", 90.0),
    (r"\bhalf an hour\b|\bune demi[- ]heure\b", 30.0),
    (r"\b(?:an|one) hour\b|\bune heure\b", 60.0),
    (r"\ba quarter of an hour\b|\bun quart d'heure\b", 15.0),
)
_HOURS_MINUTES = re.compile(rf"\b(\d+)\s*(?:{_HOURS})\s*(\d{{1,2}})\b(?:\s*(?:{_MINUTES})\b)?")
_DURATION = re.compile(rf"\b{_NUMBER}\s*({_HOURS}|{_MINUTES})\b")
_DISTANCE = re.compile(rf"\b{_NUMBER}\s*({'|'.join(sorted(_DISTANCE_UNITS, key=len, reverse=True))})\b")


@dataclass(frozen=True, slots=True)
class ExerciseWords:
    """What the words said: the activity, and a duration in minutes or a distance in km (or both)."""

    activity: Activity
    minutes: float | None
    distance_km: float | None


def plain(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes straightened, spaces squeezed."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# every activity word as a whole-word pattern, compiled once (this runs on every text message)
_ACTIVITY_WORDS = tuple(
    (len(word), re.compile(rf"(?<![\w]){re.escape(word)}(?![\w])"), activity)
    for activity in ACTIVITIES
    for word in activity.words
)


def _activity(text: str) -> Activity | None:
    """The activity named by its longest word in the text (the first activity listed on a tie)."""
    best: tuple[int, Activity] | None = None
    for length, pattern, activity in _ACTIVITY_WORDS:
        if (best is None or length > best[0]) and pattern.search(text):
            best = (length, activity)
    return best[1] if best else None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _minutes(text: str) -> tuple[float | None, str]:
    """The duration in the text (minutes) and the text without it (so "1h30" is not read as a distance)."""
    found = _HOURS_MINUTES.search(text)
    if found:
        return int(found.group(1)) * 60.0 + int(found.group(2)), text.replace(found.group(0), " ")
    for pattern, minutes in _WORD_DURATIONS:
        word = re.search(pattern, text)
        if word:
            return minutes, text.replace(word.group(0), " ")
    total, rest = None, text
    for match in _DURATION.finditer(text):
        value, unit = _number(match.group(1)), match.group(2)
        if unit == "m" and re.search(rf"\b{re.escape(match.group(0))}\s*(?:de |of )?(?:swim|nage|natation)", text):
            continue  # "1500 m swim" is metres
        if unit == "m" and total is None and value >= 100:
            continue  # "800 m" is a distance, not 800 minutes
        total = (total or 0.0) + (value * 60.0 if re.fullmatch(_HOURS, unit) else value)
        rest = rest.replace(match.group(0), " ")
    return total, rest


def read_exercise(text: str) -> ExerciseWords | None:
    """The exercise these words describe, or None when they are not one (then they may be a meal)."""
    if len(text) > MAX_CHARS:
        return None
    words = plain(text)
    if set(re.findall(r"[\w']+", words)) & MEAL_VERBS:
        return None
    activity = _activity(words)
    if activity is None:
        return None
    for had in _HAD.finditer(words):
        following = had.group(1)
        if not following[0].isdigit() and _activity(following) is None:
            return None
    minutes, rest = _minutes(words)
    distance = None
    match = _DISTANCE.search(rest)
    if match:
        distance = _number(match.group(1)) * _DISTANCE_UNITS[match.group(2)]
    if minutes is None and distance is None:
        return None
    return ExerciseWords(activity, minutes, distance)
