"""Cutting a meal description into item segments: tokens, separators, "and"/"with", comments.

``"2 eggs, toast and a black coffee"`` gives three segments; ``"a burrito filled with beans"`` stays one,
with "beans" marked as a modifier of the burrito.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.food.clauses import (
    ARTICLES,
    HARD,
    PROTECT,
    describes,
    looks_like_code,
    narrating,
    purpose,
    remark,
    starts_amount,
    starts_item,
)
from core.food.stated_kcal import KCAL_WORDS
from core.food.text import fold, normalise
from core.food.units import SPOON_PHRASES
from core.food.vocabulary import COMMENT_STARTS, COMPOUNDS, FILLER, ITEM_BREAKS, MODIFIER_VERBS

MAX_CHARS = 2000
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)?e[+-]?\d+|(?<![\w.])-\d+(?:[.,]\d+)?(?![\d])|"  # "1e308", "-200": kept whole, refused later
    r"[^\W\d_]+\([^()\s]{0,40}\)|"  # "alert(1)": code, one word (never food, never an amount)
    r"(?<![^\W\d_])[^\W\d_]&[^\W\d_]+(?:['-][^\W\d_]+)*|"  # "m&ms", "a&w": a letter glued by & is a name
    r"\d+(?:[.,]\d{1,3})?/\d+|\d+(?:[.,]\d{1,3})?(?![\d])|[^\W\d_]+(?:['-][^\W\d_]+)*|[,;.+&:()!?\n%]",
    re.UNICODE,
)
# "with layers of X" / "with a beef and pork filling" describe the dish like "layered with X" / "filled with beef and
# pork": X is what the dish is made of, not a food served beside it.
DESCRIBING_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bwith\s+(?:an?\s+)?(?:layers?|layering)\s+of\b"), " layered with "),
    (re.compile(r"\bwith\s+(?:an?\s+)?(?:filling|stuffing)\s+of\b"), " filled with "),
    (re.compile(r"\bwith\s+(?:an?\s+)?(?:toppings?)\s+of\b"), " topped with "),
    (re.compile(r"\bwith\s+an?\s+((?:[^\W\d_]+[\s-]+){1,5}?)(?:filling|stuffing)\b"), r" filled with \1 "),
)
_RANGE = re.compile(r"(\d+(?:[.,]\d+)?)\s*[-‐‑‒–—−]\s*(\d+(?:[.,]\d+)?)")  # "5-7", "5–7" (any dash)
_PRONOUNS = frozenset({"they", "their", "them", "it", "its", "which", "who", "whose", "that", "ils", "elles", "qui"})
_PLACE_PREPOSITIONS = frozenset({"on", "in", "over", "atop", "from", "sur", "dans"})
# A name given to the food just named ("a cheeseburger known as the Whopper Jr.", "a soup called pho"): a remark.
_NAMING = frozenset({"called", "named", "nicknamed", "dubbed"})
_SOFT_BREAKS = frozenset({"and", "et", "with", "avec"})
_LIST_INTROS = frozenset(
    {"included", "includes", "including", "consisted", "consisting", "featured", "featuring", "contained", "comprised"}
)
_CONTINUATIONS = frozenset({"weighing", "weighs", "weighed", "totaling", "totalling", "measuring", "pesant"})
_REFINERS = frozenset({"specifically", "namely", "particularly", "especially", "precisely"})  # "fish, namely tilapia"
_DEMI = re.compile(r"\bdemi-(?!(?:[ée]cr[ée]m[ée]e?|sel|sec)\b)")  # not "demi-écrémé", "demi-sel"
_TITLES = frozenset({"dr", "mr", "mrs", "st"})  # "Dr. Pepper", "Mr. Goodbar": the point ends no sentence
_NO_SUGAR = re.compile(r"\b(?:no|without)[- ](?:added[- ]sugars?|sugars?[- ]added)\b")
_CLAUSE_OPENERS = frozenset({"with", "from", "in", "of", "de", "avec", "au", "a", "using", "into", "on"})


@dataclass(frozen=True, slots=True)
class Segment:
    """The tokens of one item; ``modifier[i]`` is True for words describing the dish ("with beans")."""

    tokens: tuple[str, ...]
    modifier: tuple[bool, ...]
    comment: bool = False
    joined: bool = False
    listed: bool = False  # joined by "and"/"et": a list of foods, not "X with Y"
    along: bool = False  # after a "with" ("a bagel with cream cheese and jam"): jam too comes with the bagel

    @property
    def text(self) -> str:
        """The segment's words, re-joined for display."""
        return " ".join(t for t in self.tokens if t != PROTECT).replace(" %", "%")


def tokenize(text: str) -> list[str]:
    """Tokens of a description: numbers, words, separators; units glued to digits are split off."""
    text = normalise(text[:MAX_CHARS])
    text = re.sub(r"petit[- ]d[ée]jeuner", " breakfast ", text)
    text = _DEMI.sub("demi ", text)  # "une demi-baguette" is half a baguette, not a "demi" of beer
    text = _NO_SUGAR.sub(" unsweetened ", text)  # "a no sugar added mix" says what it is, it negates nothing after it
    for pattern, replacement in SPOON_PHRASES:
        text = re.sub(pattern, replacement, text)
    for phrase, described in DESCRIBING_PHRASES:
        text = phrase.sub(described, text)
    text = re.sub(r"\b(d|l|j|qu|n|s)'", r"\1 ", text)
    text = text.replace("and/or", "or").replace("et/ou", "ou")
    text = re.sub(r"\bpb\s*(?:&|and|n|'n'?)\s*j\b", " pbj ", text)  # "pb&j", "pb and j": the sandwich's name
    text = re.sub(r"\bhalf[- ]and[- ]half\b", " half-and-half ", text)
    text = re.sub(r"\b(?:and\s+a\s+half|et\s+demie?)\b", " 1/2 ", text)
    text = re.sub(r"(?<![\w.])-\s+(?=\d)", " ", text)  # "- 2 eggs": a list dash; "-2 eggs" stays negative
    text = _RANGE.sub(r"\1 to \2", text)
    text = re.sub(r"(\d)(?!e[+-]?\d)([^\W\d_])", r"\1 \2", text)
    tokens = _TOKEN.findall(text)
    for i in range(1, len(tokens) - 1):  # "&" between words is "and": "mac & cheese" is one dish, as with "and"
        if tokens[i] == "&" and tokens[i - 1][:1].isalpha() and tokens[i + 1][:1].isalpha():
            tokens[i] = "and"
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
                        tokens[j] = PROTECT
    return tokens


def _break_length(folded: list[str], i: int) -> int:
    for phrase in ITEM_BREAKS:
        if tuple(folded[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


class _Splitter:
    """Builds segments token by token: each step reads one token (or a phrase) and returns how many it used.

    A hard separator ends the item; "and"/"with" and the other item breaks end it softly; a pronoun starts a
    comment that runs until the next separator; "topped with", "on white bread" describe the dish.
    """

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.folded = [fold(t) for t in tokens]
        self.segments: list[Segment] = []
        self.current: list[str] = []
        self.flags: list[bool] = []
        self.in_modifier = False
        self.in_comment = False
        self.joined = False
        self.listed = False
        self.along = False
        self.tail = False

    def close(self, soft: bool = False, listed: bool = False) -> None:
        if self.current:
            comment = self.in_comment or remark(self.current) or looks_like_code(self.current)
            segment = Segment(tuple(self.current), tuple(self.flags), comment, self.joined, self.listed, self.along)
            self.segments.append(segment)
            self.joined = soft and not comment
            self.along = self.joined and (not listed or self.along)  # "with X and Y": Y comes with it too
            self.listed = listed and self.joined
        elif not soft:
            self.joined = self.listed = self.along = False
        self.current, self.flags = [], []
        self.in_modifier = self.in_comment = False

    def reopen(self) -> None:
        """Continue the previous item ("..., loaded with meat", "..., weighing 2 oz")."""
        if self.segments and not self.current and not self.segments[-1].comment:
            last = self.segments.pop()
            self.current, self.flags = list(last.tokens), list(last.modifier)
            self.joined, self.listed = last.joined, last.listed  # "…and cheese sub, loaded with …" is still joined
            self.along = last.along

    def add(self, token: str) -> None:
        self.current.append(token)
        self.flags.append(self.in_modifier)

    def _at(self, i: int) -> str:
        return self.folded[i] if 0 <= i < len(self.folded) else ""

    def _has_food_words(self, ignored: frozenset[str] = frozenset()) -> bool:
        return any(fold(t) not in FILLER and fold(t) not in ignored for t in self.current)

    def step(self, i: int) -> int:
        """Read the token at ``i``; the number of tokens used."""
        if self._at(i) in HARD:
            self._separator(i)
            return 1
        self._carry_on(i)
        return self._item_break(i) or self._clause(i) or self._word(i)

    def _separator(self, i: int) -> None:
        before = self._at(i - 1) if i else ""
        if self._at(i) == "." and self._at(i + 1).isdigit() and not (len(before) > 1 and before.isalpha()):
            return  # a point before a number does not end the item (".5 cup"); after a word it does ("2 eggs. 1 toast")
        if self._at(i) == "." and i and self._at(i - 1) in _TITLES:
            return  # "a dr. pepper": an abbreviated title is part of a name
        if self._at(i) == ":" and self._at(i + 1)[:1].isdigit() and self._at(i + 2) in KCAL_WORDS:
            return  # "pizza: 800 kcal" states the pizza's energy
        tail = self._at(i) == "," and self.in_modifier
        self.close()
        self.tail = tail

    def _carry_on(self, i: int) -> None:
        """Whether the token continues the previous item, or an amount in a description starts a new one."""
        tok, following = self._at(i), self._at(i + 1)
        if not self.current and self.tail:
            self.tail = False
            if tok not in ARTICLES and not tok[:1].isdigit() and tok not in COMMENT_STARTS:
                self.reopen()  # "loaded with egg, cheese, and steak": the list goes on
                self.in_modifier = True
        if self.in_modifier and self.current and starts_amount(self.folded, i):
            self.close(soft=True)  # "topped with a tablespoon of peanut butter" is an item of its own
        describing = tok in MODIFIER_VERBS and following in _CLAUSE_OPENERS and not narrating([tok, following], 0)
        adverb = tok.endswith("ly") and following in MODIFIER_VERBS and self._at(i + 2) in _CLAUSE_OPENERS
        describing = describing or adverb  # ", freshly made with a medium crust", ", delightfully coated with"
        if not self.current and (tok in _CONTINUATIONS or tok in _REFINERS or describing):
            self.reopen()

    def _item_break(self, i: int) -> int:
        """An "and", "with", "then"...: the item ends, unless it is inside a description or a comment."""
        length = _break_length(self.folded, i)
        tok = self._at(i)
        if not length:
            return 0
        if self.in_comment and tok in {"and", "et"} and not starts_item(self.folded, i + 1):
            self.add(self.tokens[i])  # "savoring its sweet and spicy flavor": the comment goes on
            return 1
        if self.in_comment:
            self.close()
        elif tok in {"with", "avec"} and self._at(i - 1) in MODIFIER_VERBS:
            self.in_modifier = True
        elif self.in_modifier and tok == "combined":
            pass  # "hot chocolate made with a dry mix combined with milk": the recipe goes on
        elif not (tok in {"and", "et"} and self.in_modifier and self._at(i + 1) != "a"):
            self.close(soft=tok in _SOFT_BREAKS, listed=tok in {"and", "et"})
        return length

    def _clause(self, i: int) -> int:
        """A description ("that was stuffed with", "featuring") or a list of items ("which included") follows."""
        tok = self._at(i)
        if describes(self.folded, i) and self.current:
            self.in_modifier = True  # "a croissant sandwich that was stuffed with sausage"
            return 2
        if not (tok in _LIST_INTROS or (tok in _PRONOUNS and self._at(i + 1) in _LIST_INTROS)):
            return 0
        if self._has_food_words():
            self.in_modifier = True  # "juice featuring oranges": what the juice is made of
        else:
            self.close()  # "a breakfast that included ...": the list of items follows
        return 1 if tok in _LIST_INTROS else 2

    def _word(self, i: int) -> int:
        tok = self._at(i)
        if self._has_food_words() and purpose(self.folded, i, [fold(t) for t in self.current]):
            self.close()
            self.in_comment = True
        if self._has_food_words() and (tok in _NAMING or (tok == "known" and self._at(i + 1) == "as")):
            self.close()  # "a cheeseburger known as the Whopper Jr.": the name restates the food, a remark
            self.in_comment = True
        if tok in _PRONOUNS:
            if self._has_food_words(COMMENT_STARTS):
                self.close()
            self.in_comment = True
        narration = narrating([fold(t) for t in self.current] + [tok, self._at(i + 1)], len(self.current))
        if self.current and tok in MODIFIER_VERBS and self._at(i + 1) in _CLAUSE_OPENERS and not narration:
            self.in_modifier = True
        if tok in _PLACE_PREPOSITIONS and self._has_food_words():
            self.in_modifier = True  # "a sandwich on white bread", "peaches in syrup"
        self.add(self.tokens[i])
        return 1


def split_segments(text: str) -> list[Segment]:
    """Segments of a description, in order; empty ones are left out."""
    splitter = _Splitter(tokenize(text))
    i = 0
    while i < len(splitter.tokens):
        i += splitter.step(i)
    splitter.close()
    return splitter.segments
