"""Choosing the catalogue food that a parsed item names: candidate queries and a word-overlap score.

The catalogue's own ranking is a hint only; candidates are re-scored here so that the head noun
("burrito" in "meatless burrito") must match and refining words ("nonfat", "fried") break ties.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from core.food.dishes import ON_THEIR_BASE
from core.food.items import ParsedItem
from core.food.portions import find_portion
from core.food.ready_meals import ready_meal_words
from core.food.text import content_stems, fold, stem
from core.food.units import MASS_G, PORTION_NAMES
from core.food.vocabulary import COMPOUND_HEADS, DESCRIPTORS, FILLER, compound_head, opposite_stems, split_words
from core.model.food import Food

# "snacks" reaches the matcher only when it names a product ("fruit snacks", see core.food.parse).
_STOP = (FILLER - {"snacks"}) | {"with", "and", "et", "or", "ou", "without", "sans", "nfs"}
HEAD_WEIGHT = 2.0
DESCRIPTOR_WEIGHT = 0.4
MODIFIER_WEIGHT = 0.35
NOT_HEAD = 0.55  # the food's own head word unmatched: "light" is not "margarine spread, light"
SAME_HEAD = 0.02  # the item's head is the name's head: a near-tie goes to "butter cookies", not "cookie butter"
# A food that has a portion for the unit written ("a bag of chips": crisps come in bags, fries do not).
UNIT_BONUS = 0.03
# A counted item ("a pepper", "2 peppers": an article or a number, no unit) is a whole thing, not a seasoning:
# a food served by the pinch or dash ("black pepper", 0.1 g) loses a near tie to one that can be counted.
PINCH_FOOD = 0.03
_PINCH_UNITS = frozenset({"pinch", "dash"})
OPPOSED = 0.8  # a name that says the opposite of the item ("thin" for "thick")
COMPOUND = 0.7  # the class word ending an unknown compound ("fish" of "parrotfish"): a fair match, never an exact one


Name = tuple[tuple[str, ...], tuple[int, ...]]  # stems, positions of the head word(s)
# Bounded caches. A name's stems are a pure function of its text (no invalidation needed): a catalogue food comes
# back as a candidate meal after meal, and stemming its names again was most of a meal's CPU (issue 16).
NAME_CACHE = 4_096  # foods (name plus aliases): 0.3-1.6 KB each (built-in foods carry many aliases), <= 6.5 MB full
UNIT_CACHE = 2_048  # (food, household unit) pairs; keyed on the whole food, so a changed food is looked at again
_CHUNK = re.compile(r",|\(|\bwith\b|\bavec\b|\bin\b|\bau\b|\bà\b")


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate food and how well it fits the item, in [0, 1]."""

    food: Food
    score: float


def query_terms(item: ParsedItem, head_first: bool) -> list[tuple[str, float]]:
    """Weighted stems of an item: the head noun counts most, descriptors and modifiers least."""
    main = [(s, _descriptive(w)) for w in item.words for s in content_stems(w, _STOP)]
    nouns = [s for s, descriptive in main if not descriptive]
    head = (nouns[0] if head_first else nouns[-1]) if nouns else None
    if not head_first and len(nouns) > 1 and head in _CLASS_HEADS | _CUP:
        head = nouns[-2]  # "a raw pomegranate fruit" is a pomegranate, not a fruit salad; "an ice cream cup" ice cream
    ready = _ready_made(item.words)
    if ready is not None:  # "a frozen meal of beef" is a frozen meal, not beef ("meal" itself is a filler word)
        head = ready
    terms: dict[str, float] = {}
    for s, descriptive in main:
        weight = HEAD_WEIGHT if s == head else DESCRIPTOR_WEIGHT if descriptive else 1.0
        terms[s] = max(terms.get(s, 0.0), weight)
    on_base = bool(item.served_on) and bool({stem(fold(w.lower())) for w in item.words[-1:]} & ON_THEIR_BASE)
    for w in item.modifiers:
        if on_base and w in item.served_on:
            continue  # "a burger on a brioche bun" is a burger: its bun does not say which food it is ("hamburger bun")
        for s in content_stems(w, _STOP):
            # a filling named before its dish says which dish: as much as its name
            if fold(w) not in DESCRIPTORS and fold(w) not in _MADE_FROM:
                terms.setdefault(s, 1.0 if w in item.fillings else MODIFIER_WEIGHT)
    return list(terms.items())


def _ready_made(words: Sequence[str]) -> str | None:
    """The stem of "frozen" in "frozen meal", "tv" in "TV dinner": the words that name a ready-made meal."""
    named = ready_meal_words(tuple(words))
    return stem(fold(words[named[0]])) if named is not None else None


def _descriptive(word: str) -> bool:
    """A word that refines a food but is never its head ("sweet" of "banana as a sweet snack")."""
    return fold(word) in DESCRIPTORS or fold(word) in _NOT_FOOD_ALONE or fold(word) in _WEAK_HEADS


def search_queries(item: ParsedItem, head_first: bool) -> list[str]:
    """Texts to send to the catalogue, most specific first."""
    words = [w for w in item.words if fold(w) not in _STOP]
    nouns = [w for w in words if not _descriptive(w)] or words
    queries = [" ".join(words), " ".join(nouns)]
    head_word = (nouns[0] if head_first else nouns[-1]) if nouns else ""
    kind = compound_head(stem(fold(head_word.lower())))
    if kind:  # "boiled parrotfish": also ask for "boiled fish" and "fish"
        queries += [" ".join(kind if w == head_word else w for w in words), kind]
    if len(nouns) > 1:
        queries += [" ".join(nouns[:2]), " ".join(nouns[-2:])] if head_first else [" ".join(nouns[-2:])]
        queries.append(nouns[0] if head_first else nouns[-1])
    fillings = [m for m in item.modifiers if fold(m) not in _STOP and fold(m) not in DESCRIPTORS]
    if fillings:  # "a sandwich filled with egg, cheese and sausage": the words that say which sandwich
        head = nouns[0] if head_first else nouns[-1]
        queries += [" ".join([*nouns, *fillings][:5]), " ".join([head, *fillings][:5])]
    seen: list[str] = []
    for q in queries:
        if q and q not in seen:
            seen.append(q)
    return seen[:6]


_COMPOUND_KINDS = frozenset(COMPOUND_HEADS)  # checked first: a set lookup on every pair of words is cheap

# Words that say the same state of a food ("dried pasta" is "pasta, dry").
_SAME = {"dried": "dry", "uncooked": "dry", "dehydrated": "dry", "sec": "dry", "sèche": "dry", "secs": "dry"}


def _similar(q: str, c: str) -> float:
    if q == c or _SAME.get(q, q) == _SAME.get(c, c):
        return 1.0
    if q == f"un{c}" or c == f"un{q}":
        return 0.0  # "sweetened" is the opposite of "unsweetened", not a near match
    if len(q) >= 5 and len(c) >= 5 and (c.startswith(q) or q.startswith(c)) and abs(len(q) - len(c)) <= 1:
        return 0.9
    if len(q) >= 5 and c.endswith(q):
        return 0.7
    if c in _COMPOUND_KINDS and compound_head(q) == c:  # "parrotfish" is a fish when the catalogue has none
        return COMPOUND
    if len(q) >= 6 and len(c) >= 6 and _one_edit(q, c):
        return 0.85
    return 0.0


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one inserted, deleted or replaced letter ("spanakopitta")."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _score_names(
    terms: Sequence[tuple[str, float, dict[str, float]]],
    names: Iterable[Name],
    head: str | None,
    opposed: frozenset[str] = frozenset(),
) -> float:
    """The best score of the food's names; each term carries its memo of similarities (stem -> value).

    A name holding the opposite of a word the item says (``opposed``: "thin" when it says "thick") costs
    OPPOSED: "thick crust cheese pizza" is not the thin crust pizza, though that name shares more words.
    """
    total = sum(w for _, w, _ in terms) or 1.0
    best = 0.0
    for cand, heads in names:
        if not cand:
            continue
        got = 0.0
        used: set[int] = set()
        head_hit = head is None
        same_head = False
        for q, w, memo in terms:
            sim, k = 0.0, 0
            for j, c in enumerate(cand):  # the best similarity, the last word among equals
                value = memo.get(c)
                if value is None:
                    value = memo[c] = _similar(q, c)
                if value >= sim:
                    sim, k = value, j
            if sim > 0:
                got += w * sim
                used.add(k)
                head_hit = head_hit or q == head
                same_head = same_head or (q == head and k in heads)
        extra = sum(0.4 if c in _CHEAP_EXTRAS else 1.0 for k, c in enumerate(cand) if k not in used)
        precision = len(used) / (len(used) + extra)
        score = 0.75 * got / total + 0.25 * precision
        if not head_hit:
            score *= 0.55
        if used.isdisjoint(heads):
            score *= NOT_HEAD
        if same_head:  # "butter cookie" is a cookie: the item's head is the name's head, not a word before it
            score += SAME_HEAD
        if opposed and not opposed.isdisjoint(cand):
            score *= OPPOSED
        best = max(best, score)
    return best


_DESCRIPTOR_STEMS = frozenset(stem(w) for w in DESCRIPTORS)
# Words a generic food's name may carry at little cost when the user did not say them.
_CHEAP_EXTRAS = frozenset(
    stem(w)
    for w in split_words(
        "raw cooked boiled steamed plain fresh whole regular baked roasted grilled cru cuit nature frais"
    )
)


def _name(text: str, primary: bool) -> Name:
    """Stems of a name and the positions of its head word (last of the main part; also first when French)."""
    stems = tuple(sys.intern(s) for s in content_stems(text, _STOP))  # one copy of a stem in all the cached names
    main = content_stems(_CHUNK.split(text.lower(), maxsplit=1)[0], _STOP)
    nouns = [k for k, s in enumerate(stems[: len(main)]) if s not in _DESCRIPTOR_STEMS] or list(range(len(main)))
    if not nouns:
        return stems, tuple(range(len(stems)))
    return stems, tuple(dict.fromkeys((nouns[0], nouns[-1]) if not primary and _looks_french(text) else (nouns[-1],)))


def _looks_french(name: str) -> bool:
    """Whether a name reads head-first, French style ("riz frit au poulet"), going by accents and small words."""
    lowered = name.lower()
    return any(c in _FRENCH_LETTERS for c in lowered) or any(w in _FRENCH_WORDS for w in lowered.split())


_FRENCH_LETTERS = frozenset("éèêëàâçôûùîïœ")
_FRENCH_WORDS = frozenset(split_words("de du des d' au aux à la le les l' en et sauce soupe"))


def food_names(food: Food) -> tuple[Name, ...]:
    """The stems and head positions of a food's name and of each alias (cached by their text)."""
    return _names(food.name, food.aliases)


@lru_cache(maxsize=NAME_CACHE)
def _names(name: str, aliases: tuple[str, ...]) -> tuple[Name, ...]:
    return (_name(name, True), *(_name(a, False) for a in aliases))


# Words that name no food on their own (taste and narration); with a food word they still refine it.
_NOT_FOOD_ALONE = frozenset(
    split_words("sweet savory savoury salty spicy tasty crunchy crispy dish treat touch finish bite light hearty mix")
)


# A class of foods after the food's own name ("pomegranate fruit", "carrot vegetable"): the name before is the head.
_CLASS_HEADS = frozenset(stem(w) for w in split_words("fruit fruits vegetable vegetables"))

# A form a food was made from, said in its description ("hot chocolate made with a dry mix", "milk made from
# powder"): the prepared food was eaten, so these words never pull the match toward the powder or the mix.
_MADE_FROM = frozenset(split_words("dry mix mixes powder powdered concentrate"))

# A cup after a food's name holds it ("an ice cream cup", "a yogurt cup"); a food named so keeps the cup
# ("peanut butter cups" name every word), so it is never the head.
_CUP = frozenset({stem("cup"), stem("cups")})

# Words that name a kind of food, not the food, after a name ("cocoa mix", "a snack item"): never the head.
_WEAK_HEADS = frozenset(split_words("mix item items product products slice slices"))  # "apple slices" are apples


def _has_unit(food: Food, unit: str | None) -> bool:
    """Whether the food has its own portion for a household unit (not for grams or millilitres)."""
    if unit is None or unit in MASS_G or unit in {"ml", "cl", "dl", "l", "floz", "piece", "serving"}:
        return False
    try:
        return _has_portion(food, unit)
    except TypeError:  # a food built with a list where a tuple belongs cannot be a cache key
        return find_portion(food, PORTION_NAMES.get(unit, (unit,)), loose=False) is not None


def _by_the_pinch(food: Food) -> bool:
    """Whether the food's usual serving is a pinch or a dash (a seasoning: salt, pepper, dried herbs)."""
    try:
        return _pinch_served(food)
    except TypeError:  # a food built with a list where a tuple belongs cannot be a cache key
        return _pinch_served.__wrapped__(food)


@lru_cache(maxsize=UNIT_CACHE)
def _pinch_served(food: Food) -> bool:
    return any(
        p.grams == food.default_grams and p.name.lower().removeprefix("1 ") in _PINCH_UNITS for p in food.portions
    )


@lru_cache(maxsize=UNIT_CACHE)
def _has_portion(food: Food, unit: str) -> bool:
    """Cached on the whole (frozen) food, so a food whose portions changed is looked at again."""
    return find_portion(food, PORTION_NAMES.get(unit, (unit,)), loose=False) is not None


def _memo(q: str, candidates: Sequence[tuple[Food, float]]) -> dict[str, float]:
    """A term's fresh memo of similarities; a compound a candidate names itself is not its class ("goldfish")."""
    kind = compound_head(q)
    if kind and any(q in stems for food, _ in candidates for stems, _ in food_names(food)):
        return {kind: 0.0}
    return {}


def rank(item: ParsedItem, candidates: Iterable[tuple[Food, float]], head_first: bool = False) -> list[Scored]:
    """Candidates (with the catalogue's own score) re-scored for the item, best first.

    The catalogue's score and being generic only break near-ties.
    """
    if item.words and all(fold(w) in _NOT_FOOD_ALONE for w in item.words):
        return []  # "a sweet snack", "a comforting dish": narration, not sweet relish or deep-dish pizza
    candidates = list(candidates)
    terms = query_terms(item, head_first)
    heads = [s for s, w in terms if w == HEAD_WEIGHT]
    head = heads[0] if heads else None
    memos: list[tuple[str, float, dict[str, float]]] = [(q, w, _memo(q, candidates)) for q, w in terms]
    opposed = opposite_stems(q for q, _ in terms)
    counted = not item.bare and item.unit is None
    scored = [
        Scored(
            food,
            _score_names(memos, food_names(food), head, opposed)
            + 0.05 * hint
            + (0.02 if food.generic else 0.0)
            + (UNIT_BONUS if _has_unit(food, item.unit) else 0.0)
            - (PINCH_FOOD if counted and _by_the_pinch(food) else 0.0),
        )
        for food, hint in candidates
    ]
    scored.sort(key=lambda s: (-s.score, len(s.food.name)))
    return scored
