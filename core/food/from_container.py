"""A container said after "from" holds the food just named: "gumdrops from a fun-size package".

"coffee topped with a flavored creamer from an individual container" names the creamer's amount, one
container; the clause "from an individual container" used to be listed as not understood and the creamer,
inside the coffee's description, was not counted. "some gumdrops from a fun-size package" gave the package to
the next food ("…, and a pouch of juice" became a fun-size packet of juice).

* :func:`container_only` tells a segment that is only a container: an article or number, sizes, a container
  unit, and words like "individual" or "single" (no food word).
* After a segment ending in "from", such a container is the amount of the food just named
  (:func:`take_container`): the food at the end of a description becomes an item of its own with that
  container (:func:`described_tail` gives its words), and a food with no amount of its own takes it.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.items import ParsedItem
from core.food.measure import best_measure
from core.food.quantities import NUMBER_WORDS, number_value
from core.food.segment import Segment
from core.food.text import fold
from core.food.units import SIZE_WORDS, UNIT_WORDS
from core.food.vocabulary import FILLER, MODIFIER_VERBS

# Units that are containers a food comes in (not cups or spoons, which are amounts said with "of").
_CONTAINER_UNITS = frozenset(
    {"container", "packet", "bag", "pouch", "jar", "can", "bottle", "carton", "box", "tube", "tub", "cup"}
)
_PACKAGING = frozenset({"individual", "single", "single-serve", "single-serving", "serving", "sized", "size"})
_ARTICLES = frozenset({"a", "an", "one", "un", "une"})


def ends_with_from(segment: Segment | None) -> bool:
    """Whether the segment's last word is "from" (its food's source follows)."""
    return segment is not None and bool(segment.tokens) and fold(segment.tokens[-1].lower()) == "from"


def container_only(segment: Segment) -> bool:
    """Whether the segment is only a container: "an individual container", "a fun-size package", "a can"."""
    words = [fold(t.lower()) for t in segment.tokens if t[:1].isalnum()]
    if not words or segment.comment:
        return False
    units = [w for w in words if UNIT_WORDS.get(w) in _CONTAINER_UNITS or w in _CONTAINER_UNITS]
    rest = [w for w in words if w not in units]
    amount_words = _ARTICLES | frozenset(NUMBER_WORDS) | _PACKAGING | FILLER
    return len(units) == 1 and all(
        w in amount_words or w in SIZE_WORDS or number_value(w) is not None or _sized(w) for w in rest
    )


def _sized(word: str) -> bool:
    """A hyphenated size: "fun-size", "snack-sized", "single-serving"."""
    head, _, tail = word.partition("-")
    return tail in {"size", "sized", "serving", "serve"} and bool(head)


def described_tail(segment: Segment) -> tuple[str, ...]:
    """The food words at the end of the segment's description, before its final "from" ("a flavored creamer")."""
    tokens = list(segment.tokens[:-1])
    flags = list(segment.modifier[:-1])
    tail: list[str] = []
    for token, described in zip(reversed(tokens), reversed(flags), strict=True):
        word = fold(token.lower())
        if not described or word in _ARTICLES or word in {"with", "avec"}:
            break
        if word in MODIFIER_VERBS and not tail:
            return ()
        tail.insert(0, token)
    while tail and fold(tail[0].lower()) in MODIFIER_VERBS:  # "topped a creamer": the verb is not the food
        tail.pop(0)
    return tuple(tail) if any(t[:1].isalpha() and fold(t.lower()) not in FILLER for t in tail) else ()


def take_container(items: list[ParsedItem], previous: Segment | None, segment: Segment) -> Segment:
    """The segment left to read after a container said after "from" (empty when the last item took it).

    "coffee topped with a creamer from an individual container": the creamer in that container, as a segment of
    its own; "gumdrops from a fun-size package": the gumdrops' amount (``items[-1]`` is replaced).
    """
    if not items or previous is None or not ends_with_from(previous) or not container_only(segment):
        return segment
    said = tuple(t for t in segment.tokens if fold(t.lower()) not in _PACKAGING)  # "an individual container"
    if len(said) > 1 and said[0].lower() in {"a", "an"}:
        said = ("an" if said[1][:1].lower() in "aeiou" else "a", *said[1:])
    tail = described_tail(previous)
    if tail:
        tokens = (*said, "of", *tail)
        return Segment(tokens, (False,) * len(tokens), joined=True)
    last = items[-1]
    if not last.bare or last.stated_kcal is not None or last.problem is not None:
        return segment
    amount, size, unit = best_measure([t.lower() for t in said], set())
    text = f"{last.text} {segment.text}"[:200]
    items[-1] = replace(last, amount=amount.value if amount else 1.0, unit=unit, size=size, bare=False, text=text)
    return Segment((), ())
