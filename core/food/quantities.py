"""Amounts written in words or digits, English and French.

Examples: ``2``, ``1,5``, ``1/2``, ``1 1/2``, ``two``, ``a couple of``, ``half a``, ``une douzaine``.
Works on token lists (see :mod:`core.food.segment`) and returns how many tokens the amount used.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
FRACTION = re.compile(r"^(\d+)/(\d+)$")

NUMBER_WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "single": 1, "dozen": 12, "douzaine": 12, "demi": 0.5, "demie": 0.5, "half": 0.5,
    "quarter": 0.25, "quart": 0.25, "couple": 2, "pair": 2, "few": 3, "several": 3, "quelques": 3,
    "plusieurs": 3, "both": 2, "double": 2, "triple": 3,
}  # fmt: skip
ARTICLES = frozenset({"a", "an", "one", "un", "une"})
_CONNECT = frozenset({"of", "de", "d", "and", "et", "a", "an"})


@dataclass(frozen=True, slots=True)
class Amount:
    """A number read from text; ``stated`` is False when only an article ("a", "une") implied one."""

    value: float
    used: int
    stated: bool = True


def number_value(token: str) -> float | None:
    """The value of one numeric token: ``2``, ``1,5``, ``3/4``; None otherwise."""
    if NUMBER.match(token):
        return float(token.replace(",", "."))
    frac = FRACTION.match(token)
    if frac and int(frac.group(2)) != 0:
        return int(frac.group(1)) / int(frac.group(2))
    return None


def _single(tokens: list[str], i: int) -> tuple[float, int] | None:
    """A number at ``i`` in digits or words, with a following fraction ("1 1/2", "one and a half")."""
    tok = tokens[i]
    value = number_value(tok)
    if value is None:
        if tok in {"a", "an", "another", "each"}:
            value = 1.0
        elif tok in NUMBER_WORDS and tok not in {"half", "demi", "demie", "quarter", "quart"}:
            value = NUMBER_WORDS[tok]
        else:
            return None
    used = 1
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if FRACTION.match(nxt) and value == int(value):
        value += number_value(nxt) or 0.0
        used = 2
    elif nxt in {"and", "et"} and tokens[i + 2 : i + 4] in (["a", "half"], ["demi"], ["demie"]):
        value += 0.5
        used = 4 if tokens[i + 2] == "a" else 3
    elif nxt in {"to", "or", "à", "ou", "-"} and i + 2 < len(tokens):
        upper = number_value(tokens[i + 2])
        if upper is None and tokens[i + 2] in NUMBER_WORDS:
            upper = NUMBER_WORDS[tokens[i + 2]]
        if upper is not None and upper > value:
            value = (value + upper) / 2
            used = 3
    return value, used


def read_amount(tokens: list[str], i: int) -> Amount | None:
    """The amount starting at token ``i``, or None; "a"/"une" alone count as one, not stated."""
    rest = tokens[i : i + 4]
    if not rest or "pounder" in rest[:3]:
        return None
    first = rest[0]
    if first in {"half", "demi", "demie"} or rest[:2] in (["a", "half"], ["la", "moitié"], ["une", "moitié"]):
        skip = 1 if first in {"half", "demi", "demie"} else 2
        j = i + skip
        if j < len(tokens) and tokens[j] in {"a", "an", "of", "de", "d", "-"}:
            j += 1
        if j < len(tokens) and tokens[j] in {"dozen", "douzaine"}:
            return Amount(6.0, j + 1 - i)
        return Amount(0.5, j - i)
    if rest[:2] in (["a", "quarter"], ["un", "quart"]) or first in {"quarter", "quart"}:
        j = i + (1 if first in {"quarter", "quart"} else 2)
        while j < len(tokens) and tokens[j] in {"of", "a", "an", "de", "d"}:
            j += 1
        return Amount(0.25, j - i)
    if first in ARTICLES and len(rest) > 1 and rest[1] in {"couple", "few", "dozen", "douzaine", "pair"}:
        j = i + 2
        if j < len(tokens) and tokens[j] in {"of", "de", "d"}:
            j += 1
        return Amount(NUMBER_WORDS[rest[1]], j - i)
    single = _single(tokens, i)
    if single is not None:
        value, used = single
        j = i + used
        if j < len(tokens) and tokens[j] in {"dozen", "douzaine"}:
            value, j = value * 12, j + 1
        stated = not (first in {"a", "an", "un", "une"} and used == 1)
        while stated and first in {"couple", "few", "several", "pair"} and j < len(tokens) and tokens[j] in _CONNECT:
            j += 1
        return Amount(value, j - i, stated)
    return None


# Amounts that cannot be eaten: the item is not estimated and the note names the problem.
NEGATIVE, ZERO, NOT_A_NUMBER, EXPONENT = "negative", "zero", "not a number", "exponent"
_EXPONENT = re.compile(r"^\d+(?:[.,]\d+)?e[+-]?\d+$")
_NEGATIVE = re.compile(r"^-\d")
_NOT_NUMBERS = frozenset({"nan", "inf", "infinity", "infinite", "infinitely", "∞", "infini", "infinie"})
_ALWAYS_NOT_NUMBERS = _NOT_NUMBERS - {"nan"}  # "nan bread" is a food; "nan g" is not an amount


def amount_problem(tokens: list[str], units: Container[str], energy: Container[str] = ()) -> str | None:
    """Why the amount in ``tokens`` cannot be eaten (negative, zero, NaN/infinite, exponent), or None.

    ``units`` are the unit words: "nan" counts as a number only right before one ("nan g rice").
    A stated "0 kcal" (``energy`` words) is not a problem here.
    """
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _EXPONENT.match(token):
            return EXPONENT
        if _NEGATIVE.match(token):
            return NEGATIVE
        if token in _ALWAYS_NOT_NUMBERS or (token in _NOT_NUMBERS and following in units):
            return NOT_A_NUMBER
        if number_value(token) == 0 and following[:1].isalpha() and following not in energy:
            return ZERO
    return None
