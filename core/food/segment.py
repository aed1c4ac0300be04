"""Cutting a meal description into item segments: tokens, separators, "and"/"with", comments.

``"2 eggs, toast and a black coffee"`` gives three segments; ``"a burrito filled with beans"`` stays one,
with "beans" marked as a modifier of the burrito.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.food.text import fold, normalise
from core.food.units import SPOON_PHRASES, UNIT_WORDS
from core.food.vocabulary import COMMENT_STARTS, COMPOUNDS, FILLER, ITEM_BREAKS, MODIFIER_VERBS

MAX_CHARS = 2000
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)?e[+-]?\d+|(?<![\w.])-\d+(?:[.,]\d+)?(?![\d])|"  # "1e308", "-200": kept whole, refused later
    r"[^\W\d_]+\([^()\s]{0,40}\)|"  # "alert(1)": code, one word (never food, never an amount)
    r"\d+(?:[.,]\d{1,3})?/\d+|\d+(?:[.,]\d{1,3})?(?![\d])|[^\W\d_]+(?:['-][^\W\d_]+)*|[,;.+&:()!?\n%]",
    re.UNICODE,
)
_HARD = frozenset({",", ";", ".", "+", "&", ":", "!", "?", "\n"})
_RANGE = re.compile(r"(\d+(?:[.,]\d+)?)\s*-\s*(\d+(?:[.,]\d+)?)")
_PROTECT = "+and+"
_PRONOUNS = frozenset({"they", "their", "them", "it", "its", "which", "who", "whose", "that", "ils", "elles", "qui"})
_ARTICLES = frozenset({"a", "an", "one", "un", "une", "another", "two", "deux"})
_PLACE_PREPOSITIONS = frozenset({"on", "in", "over", "atop", "from", "sur", "dans"})
_SOFT_BREAKS = frozenset({"and", "et", "with", "avec"})
_LIST_INTROS = frozenset(
    {"included", "includes", "including", "consisted", "consisting", "featured", "featuring", "contained", "comprised"}
)
_CODE_PAIRS = frozenset(
    {("drop", "table"), ("drop", "database"), ("truncate", "table"), ("delete", "from"), ("insert", "into"),
     ("union", "select"), ("alter", "table"), ("exec", "xp_cmdshell")}
)  # fmt: skip
_CONTINUATIONS = frozenset({"weighing", "weighs", "weighed", "totaling", "totalling", "pesant"})
_CLAUSE_OPENERS = frozenset({"with", "from", "in", "of", "de", "avec", "au", "a", "using", "into", "on"})


@dataclass(frozen=True, slots=True)
class Segment:
    """The tokens of one item; ``modifier[i]`` is True for words describing the dish ("with beans")."""

    tokens: tuple[str, ...]
    modifier: tuple[bool, ...]
    comment: bool = False
    joined: bool = False

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
    text = text.replace("and/or", "or").replace("et/ou", "ou")
    text = re.sub(r"\bhalf[- ]and[- ]half\b", " half-and-half ", text)
    text = re.sub(r"\b(?:and\s+a\s+half|et\s+demie?)\b", " 1/2 ", text)
    text = re.sub(r"(?<![\w.])-\s+(?=\d)", " ", text)  # "- 2 eggs": a list dash; "-2 eggs" stays negative
    text = _RANGE.sub(r"\1 to \2", text)
    text = re.sub(r"(\d)(?!e[+-]?\d)([^\W\d_])", r"\1 \2", text)
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


def looks_like_code(tokens: list[str]) -> bool:
    """Whether tokens read as a database command ("DROP TABLE meals"): never food, always shown as not understood."""
    folded = [fold(t.lower()) for t in tokens]
    return any(tuple(folded[i : i + 2]) in _CODE_PAIRS for i in range(len(folded) - 1))


def _starts_amount(folded: list[str], i: int) -> bool:
    """Whether an amount with a unit starts at ``i`` ("a tablespoon of", "2 slices")."""
    if i >= len(folded) or not (folded[i][:1].isdigit() or folded[i] in _ARTICLES):
        return False
    return any(t in UNIT_WORDS for t in folded[i + 1 : i + 4])


def _describes(folded: list[str], i: int) -> bool:
    """Whether "that was stuffed", "which were topped"... starts at ``i``."""
    return (
        folded[i] in {"that", "which"}
        and folded[i + 1 : i + 2] in (["was"], ["were"], ["is"], ["are"])
        and i + 2 < len(folded)
        and folded[i + 2] in MODIFIER_VERBS
    )


def _break_length(folded: list[str], i: int) -> int:
    for phrase in ITEM_BREAKS:
        if tuple(folded[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


class _Splitter:
    """Builds segments token by token; a comment clause runs until the next separator."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.current: list[str] = []
        self.flags: list[bool] = []
        self.in_modifier = False
        self.in_comment = False
        self.joined = False
        self.tail = False

    def close(self, soft: bool = False) -> None:
        if self.current:
            first = next((t for t in self.current if t not in {"and", "et", _PROTECT}), "")
            comment = self.in_comment or fold(first) in COMMENT_STARTS or looks_like_code(self.current)
            self.segments.append(Segment(tuple(self.current), tuple(self.flags), comment, self.joined))
            self.joined = soft and not comment
        elif not soft:
            self.joined = False
        self.current, self.flags = [], []
        self.in_modifier = self.in_comment = False

    def reopen(self) -> None:
        """Continue the previous item ("..., loaded with meat", "..., weighing 2 oz")."""
        if self.segments and not self.current and not self.segments[-1].comment:
            last = self.segments.pop()
            self.current, self.flags = list(last.tokens), list(last.modifier)

    def add(self, token: str) -> None:
        self.current.append(token)
        self.flags.append(self.in_modifier)


def split_segments(text: str) -> list[Segment]:
    """Segments of a description, in order; empty ones are left out."""
    tokens = tokenize(text)
    folded = [fold(t) for t in tokens]
    state = _Splitter()
    i = 0
    while i < len(tokens):
        tok = folded[i]
        following = folded[i + 1] if i + 1 < len(tokens) else ""
        if tok in _HARD:
            if not (tok == "." and following.isdigit()):
                tail = tok == "," and state.in_modifier
                state.close()
                state.tail = tail
            i += 1
            continue
        if not state.current and state.tail:
            state.tail = False
            if tok not in _ARTICLES and not tok[:1].isdigit() and tok not in COMMENT_STARTS:
                state.reopen()  # "loaded with egg, cheese, and steak": the list goes on
                state.in_modifier = True
        if state.in_modifier and state.current and _starts_amount(folded, i):
            state.close(soft=True)  # "topped with a tablespoon of peanut butter" is an item of its own
        if not state.current and tok in _CONTINUATIONS:
            state.reopen()
        if not state.current and tok in MODIFIER_VERBS and following in _CLAUSE_OPENERS:
            state.reopen()
        length = _break_length(folded, i)
        if length and not state.in_comment:
            previous = folded[i - 1] if i else ""
            if tok in {"with", "avec"} and previous in MODIFIER_VERBS:
                state.in_modifier = True
            elif not (tok in {"and", "et"} and state.in_modifier and folded[i + 1 : i + 2] != ["a"]):
                state.close(soft=tok in _SOFT_BREAKS)
            i += length
            continue
        if length and tok in {"and", "et"}:
            state.add(tokens[i])  # "savoring its sweet and spicy flavor": the comment goes on
            i += 1
            continue
        if length:
            state.close()
            i += length
            continue
        if _describes(folded, i) and state.current:
            state.in_modifier = True  # "a croissant sandwich that was stuffed with sausage"
            i += 2
            continue
        if tok in _LIST_INTROS or (tok in _PRONOUNS and following in _LIST_INTROS):
            if any(fold(t) not in FILLER for t in state.current):
                state.in_modifier = True  # "juice featuring oranges": what the juice is made of
            else:
                state.close()  # "a breakfast that included ...": the list of items follows
            i += 1 if tok in _LIST_INTROS else 2
            continue
        if tok in _PRONOUNS:
            if any(fold(t) not in FILLER and fold(t) not in COMMENT_STARTS for t in state.current):
                state.close()
            state.in_comment = True
        if state.current and tok in MODIFIER_VERBS and following in _CLAUSE_OPENERS:
            state.in_modifier = True
        if tok in _PLACE_PREPOSITIONS and any(fold(t) not in FILLER for t in state.current):
            state.in_modifier = True  # "a sandwich on white bread", "peaches in syrup"
        state.add(tokens[i])
        i += 1
    state.close()
    return state.segments
