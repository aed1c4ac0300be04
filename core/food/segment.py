"""Cutting a meal description into item segments: tokens, separators, "and"/"with", comments.

``"2 eggs, toast and a black coffee"`` gives three segments; ``"a burrito filled with beans"`` stays one,
with "beans" marked as a modifier of the burrito.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.food.text import fold, normalise
from core.food.units import SPOON_PHRASES
from core.food.vocabulary import COMMENT_STARTS, COMPOUNDS, ITEM_BREAKS, MODIFIER_VERBS

MAX_CHARS = 2000
_TOKEN = re.compile(
    r"\d+(?:[.,]\d{1,3})?/\d+|\d+(?:[.,]\d{1,3})?(?![\d])|[^\W\d_]+(?:['-][^\W\d_]+)*|[,;.+&:()!?\n%]",
    re.UNICODE,
)
_HARD = frozenset({",", ";", ".", "+", "&", ":", "(", ")", "!", "?", "\n"})
_RANGE = re.compile(r"(\d+(?:[.,]\d+)?)\s*-\s*(\d+(?:[.,]\d+)?)")
_PROTECT = "+and+"
_PRONOUNS = frozenset({"they", "their", "them", "it", "its", "which", "who", "whose", "ils", "elles", "qui"})
_CLAUSE_OPENERS = frozenset({"with", "from", "in", "of", "de", "avec", "au", "a", "using", "into", "on"})


@dataclass(frozen=True, slots=True)
class Segment:
    """The tokens of one item; ``modifier[i]`` is True for words describing the dish ("with beans")."""

    tokens: tuple[str, ...]
    modifier: tuple[bool, ...]
    comment: bool = False

    @property
    def text(self) -> str:
        """The segment's words, re-joined for display."""
        return " ".join(t for t in self.tokens if t != _PROTECT).replace(" %", "%")


def tokenize(text: str) -> list[str]:
    """Tokens of a description: numbers, words, separators; units glued to digits are split off."""
    text = normalise(text[:MAX_CHARS])
    text = re.sub(r"petit[- ]d[ée]jeuner", " breakfast ", text)
    for pattern, replacement in SPOON_PHRASES:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"\b(d|l|j|qu|n|s)'", r"\1 ", text)
    text = _RANGE.sub(r"\1 to \2", text)
    text = re.sub(r"(\d)([^\W\d_])", r"\1 \2", text)
    tokens = _TOKEN.findall(text)
    return _protect_compounds(tokens)


def _protect_compounds(tokens: list[str]) -> list[str]:
    folded = [fold(t) for t in tokens]
    for compound in COMPOUNDS:
        parts = compound.split()
        n = len(parts)
        for i in range(len(tokens) - n + 1):
            if folded[i : i + n] == parts:
                for j in range(i, i + n):
                    if parts[j - i] in {"and", "et"}:
                        tokens[j] = _PROTECT
    return tokens


def _break_length(folded: list[str], i: int) -> int:
    for phrase in ITEM_BREAKS:
        if tuple(folded[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def split_segments(text: str) -> list[Segment]:
    """Segments of a description, in order; empty ones are left out."""
    tokens = tokenize(text)
    folded = [fold(t) for t in tokens]
    segments: list[Segment] = []
    current: list[str] = []
    flags: list[bool] = []
    in_modifier = False

    def close() -> None:
        if current:
            first = next((t for t in current if t not in {"and", "et", _PROTECT}), "")
            comment = fold(first) in COMMENT_STARTS or any(fold(t) in _PRONOUNS for t in current)
            segments.append(Segment(tuple(current), tuple(flags), comment))
        current.clear()
        flags.clear()

    i = 0
    while i < len(tokens):
        tok = folded[i]
        if tok in _HARD:
            if not (tok == "." and i + 1 < len(tokens) and folded[i + 1].isdigit()):
                close()
                in_modifier = False
            i += 1
            continue
        length = _break_length(folded, i)
        if length:
            previous = folded[i - 1] if i else ""
            if tok in {"with", "avec"} and previous in MODIFIER_VERBS:
                in_modifier = True
            elif tok in {"and", "et"} and in_modifier:
                pass
            else:
                close()
                in_modifier = False
            i += length
            continue
        following = folded[i + 1] if i + 1 < len(tokens) else ""
        if current and tok in MODIFIER_VERBS and following in _CLAUSE_OPENERS:
            in_modifier = True
        current.append(tokens[i])
        flags.append(in_modifier)
        i += 1
    close()
    return segments
