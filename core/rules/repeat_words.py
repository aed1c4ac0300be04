"""Words that ask to log a meal again: "again", "same as yesterday's breakfast", "same as this morning", "comme hier".

:func:`read_repeat` reads the whole message: every word must belong to such a request (a marker like "same",
"again", "pareil", "comme", a day word, a meal-type word, small fillers), so "same as yesterday but with rice"
or "yesterday for breakfast 2 eggs" stay meals for the estimator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.model.meal import MealType
from core.rules.meal_types import WORDS

AGAIN = frozenset(
    {"again", "same again", "the same again", "same", "the same", "same as last time", "same as before", "repeat",
     "repeat that", "repeat last meal", "repeat my last meal", "the same as last time", "once more",
     "encore", "pareil", "la même chose", "même chose", "idem", "comme la dernière fois", "pareil que la dernière fois",
     "la même chose que la dernière fois", "encore la même chose"}
)  # fmt: skip
MARKERS = frozenset({"same", "again", "repeat", "pareil", "comme", "même", "meme", "encore", "idem"})
YESTERDAY = frozenset({"yesterday", "hier"})
TODAY = frozenset({"today", "aujourd", "hui", "earlier", "tantôt", "tantot"})  # "aujourd'hui": two words here
THIS = frozenset({"this", "ce", "cette"})  # "this morning", "ce matin", "ce midi": today, with a time or meal word
FILLERS = frozenset(
    {"as", "the", "my", "for", "at", "of", "s", "i", "had", "ate", "please", "what", "que", "qu", "la", "le", "chose",
     "d", "de", "du", "au", "à", "a", "en", "pour", "mon", "ma", "j", "ai", "mangé", "stp", "svp"}
)  # fmt: skip
TIME_WORDS = {"night": MealType.DINNER, "tonight": MealType.DINNER, "evening": MealType.DINNER,
              "soir": MealType.DINNER, "morning": MealType.BREAKFAST, "matin": MealType.BREAKFAST}  # fmt: skip
_TYPE_NAMES = sorted(((w, kind) for kind, words in WORDS.items() for w in words), key=lambda p: -len(p[0]))
_TYPE = re.compile("|".join(rf"(?<![\w-]){re.escape(word)}(?![\w-])" for word, _ in _TYPE_NAMES), re.IGNORECASE)
_BY_NAME = {word.lower(): kind for word, kind in _TYPE_NAMES}


@dataclass(frozen=True, slots=True)
class RepeatAsk:
    """What to repeat: a meal of ``meal_type`` (None: not said) ``days_back`` days ago.

    ``RepeatAsk(0)`` ("again") is the last saved meal, whatever its day; with ``today`` it is today's meals of
    that type ("same as this morning"), or today's last meal when no type is said ("same as earlier today").
    """

    days_back: int
    meal_type: MealType | None = None
    today: bool = False


SAME_AS_WORD = {"tout à l'heure": "tantôt", "tout a l'heure": "tantôt", "plus tôt": "earlier", "plus tot": "earlier"}


def _plain(text: str) -> str:
    plain = " ".join(text.lower().replace("’", "'").split()).strip(" .!")
    for phrase, word in SAME_AS_WORD.items():
        plain = plain.replace(phrase, word)
    return plain


def read_repeat(text: str) -> RepeatAsk | None:
    """The repeat request the whole of ``text`` makes, or None when it says anything else."""
    plain = _plain(text)
    if len(plain) > 80:
        return None
    if plain in AGAIN:
        return RepeatAsk(0)
    kinds = {_BY_NAME[m.group(0).lower()] for m in _TYPE.finditer(plain)}
    rest = _TYPE.sub(" ", plain)
    words = re.findall(r"[^\W\d_]+", rest)
    if re.search(r"\d", rest):
        return None
    kinds |= {TIME_WORDS[w] for w in words if w in TIME_WORDS}
    said_yesterday = any(w in YESTERDAY for w in words) or "last night" in plain
    said_this = any(w in THIS for w in words)
    said_today = any(w in TODAY for w in words) or (said_this and bool(kinds))
    known = MARKERS | YESTERDAY | TODAY | FILLERS | TIME_WORDS.keys() | {"last"} | (THIS if said_today else set())
    if said_yesterday == said_today or not any(w in MARKERS for w in words) or any(w not in known for w in words):
        return None
    if len(kinds) > 1:
        return None
    kind = next(iter(kinds), None)
    return RepeatAsk(0, kind, today=True) if said_today else RepeatAsk(1, kind)
