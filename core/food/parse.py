"""Parsing a meal description into items: amount, unit, size, stated kcal and the words naming the food.

Pure and forgiving: anything it cannot read is kept in :attr:`ParsedMeal.unparsed`, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise

from core.food.quantities import Amount, read_amount
from core.food.segment import Segment, split_segments
from core.food.stated_kcal import KCAL_WORDS
from core.food.text import fold
from core.food.units import MASS_G, SIZE_WORDS, UNIT_WORDS, VOLUME_ML
from core.food.vocabulary import DESCRIPTORS, FILLER, MEAT_ANIMALS, SYNONYMS

_SIZE_SUFFIX = frozenset({"size", "sized", "taille"})
_COMPOUND_SIZES = {"fun": "small", "snack": "small", "kid": "small", "kids": "small", "bite": "small",
                   "child": "small", "individual": "medium", "single": "medium", "family": "xlarge",
                   "party": "xlarge", "king": "xlarge", "full": "medium"}  # fmt: skip
_SKIPPABLE = FILLER | DESCRIPTORS
_OF = frozenset({"of", "de", "d", "du", "des"})


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """One food as written: the naming words, how much, and the segment it came from."""

    text: str
    words: tuple[str, ...]
    modifiers: tuple[str, ...] = ()
    amount: float = 1.0
    amount_stated: bool = False
    unit: str | None = None
    size: str | None = None
    stated_kcal: float | None = None
    joined: bool = False

    @property
    def name(self) -> str:
        """The food's name as the user wrote it, without amounts and filler."""
        return " ".join(self.words) or self.text


def merged(first: ParsedItem, second: ParsedItem) -> ParsedItem:
    """One item naming both ("yogurt" + "fruit" -> "yogurt fruit"), with the first item's amount."""
    return replace(
        first,
        text=f"{first.text} + {second.text}"[:200],
        words=(*first.words, *second.words),
        modifiers=(*first.modifiers, *second.modifiers),
    )


@dataclass(frozen=True, slots=True)
class ParsedMeal:
    """Items found and the text that could not be read as food."""

    items: tuple[ParsedItem, ...]
    unparsed: tuple[str, ...] = field(default=())


def _unit_at(tokens: list[str], j: int) -> tuple[str | None, int]:
    """A unit at ``j`` (one or two words), with the tokens it used."""
    if j + 1 < len(tokens) and f"{tokens[j]} {tokens[j + 1]}" in UNIT_WORDS:
        return UNIT_WORDS[f"{tokens[j]} {tokens[j + 1]}"], 2
    if j < len(tokens) and tokens[j] in UNIT_WORDS:
        return UNIT_WORDS[tokens[j]], 1
    return None, 0


def _size_at(tokens: list[str], j: int) -> tuple[str | None, int]:
    """A size at ``j``: ``large``, ``medium-sized``, ``fun size``, ``petite``."""
    if j >= len(tokens):
        return None, 0
    tok = tokens[j]
    parts = tok.split("-")
    if len(parts) == 2 and parts[1] in _SIZE_SUFFIX:
        size = SIZE_WORDS.get(parts[0]) or _COMPOUND_SIZES.get(parts[0])
        return (size, 1) if size else (None, 0)
    if j + 1 < len(tokens) and tokens[j + 1] in _SIZE_SUFFIX:
        size = SIZE_WORDS.get(tok) or _COMPOUND_SIZES.get(tok)
        if size:
            return size, 2
    if tok in SIZE_WORDS:
        return SIZE_WORDS[tok], 1
    if tok == "extra" and j + 1 < len(tokens) and tokens[j + 1] in {"large", "big"}:
        return "xlarge", 2
    return None, 0


@dataclass(frozen=True, slots=True)
class _Measure:
    amount: Amount
    size: str | None
    unit: str | None
    end: int


def _skip_filler(tokens: list[str], j: int) -> int:
    """The index after up to two filler adjectives ("a delicious piece")."""
    k = j
    while k < len(tokens) and k - j < 2 and fold(tokens[k]) in _SKIPPABLE and tokens[k] not in UNIT_WORDS:
        k += 1
    return k


def _measure_at(tokens: list[str], i: int) -> _Measure | None:
    """An amount at ``i`` with its size and unit ("2 large slices of", "a 12 fl oz bottle of")."""
    amount = read_amount(tokens, i)
    if amount is None or (i + amount.used < len(tokens) and tokens[i + amount.used] == "%"):
        return None
    j = i + amount.used
    k = _skip_filler(tokens, j)
    size, n = _size_at(tokens, k)
    if size:
        j = k + n
    k = _skip_filler(tokens, j)
    unit, n = _unit_at(tokens, k)
    if unit:
        j = k + n
        container, extra = _unit_at(tokens, j)
        if container and container not in MASS_G and container not in VOLUME_ML:
            j += extra
        if j < len(tokens) and tokens[j] in _OF:
            j += 1
    return _Measure(amount, size, unit, j)


def _measure(tokens: list[str], used: set[int]) -> tuple[Amount | None, str | None, str | None]:
    """The best amount, size and unit in a segment: a stated number with a unit beats a bare number or "a"."""
    best: tuple[int, _Measure, int] | None = None
    for i in range(len(tokens)):
        if i in used:
            continue
        found = _measure_at(tokens, i)
        if found is None:
            continue
        rank = (2 if found.amount.stated else 0) + (1 if found.unit else 0)
        if best is None or rank > best[0]:
            best = (rank, found, i)
    if best is None:
        return None, None, None
    _, found, start = best
    used |= set(range(start, found.end))
    return found.amount, found.size, found.unit


def parse_segment(segment: Segment) -> ParsedItem | None:
    """The item a segment names, or None when only filler or numbers remain."""
    tokens = [t.lower() for t in segment.tokens]
    used: set[int] = set()
    stated = None
    for i, tok in enumerate(tokens):
        if fold(tok) in KCAL_WORDS and i and tokens[i - 1][:1].isdigit():
            if i > 1 and tokens[i - 2] == "minus":
                return None
            stated = float(tokens[i - 1].replace(",", "."))
            used |= {i - 1, i}
    amount, size, unit = _measure(tokens, used)
    for i in range(len(tokens)):
        if size is None and i not in used:
            size, n = _size_at(tokens, i)
            if size:
                used |= set(range(i, i + n))
                break
    words: list[str] = []
    modifiers: list[str] = []
    skip = set(used)
    for i, tok in enumerate(tokens):
        if fold(tok) in {"without", "sans"}:
            skip |= set(range(i, len(tokens)))
        elif fold(tok) in {"or", "ou"} and i + 1 < len(tokens):
            skip |= {i, i + 1}
    for i, tok in enumerate(tokens):
        if i in skip or not tok[:1].isalpha() or fold(tok) in FILLER:
            continue
        if tok in UNIT_WORDS and i + 1 < len(tokens) and tokens[i + 1] in _OF:
            continue
        target = modifiers if segment.modifier[i] else words
        for word in SYNONYMS.get(fold(tok), tok).split():
            if not (word == "meat" and target and fold(target[-1]) in MEAT_ANIMALS):
                target.append(word)
    if not words and stated is None:
        return None
    return ParsedItem(
        text=segment.text[:200],
        words=tuple(words),
        modifiers=tuple(modifiers),
        amount=amount.value if amount else 1.0,
        amount_stated=bool(amount and amount.stated),
        unit=unit,
        size=size,
        stated_kcal=stated,
        joined=segment.joined,
    )


def _is_measure(tokens: list[str], i: int) -> bool:
    """An amount with a unit at ``i``: "250 g", "a cup", "2 slices"."""
    found = _measure_at(tokens, i) if tokens[i] not in {"a", "an"} or i == 0 or tokens[i - 1] not in _OF else None
    return found is not None and found.unit is not None and (found.amount.stated or found.unit not in MASS_G)


def split_measures(segment: Segment) -> list[Segment]:
    """A segment cut before each further weighed amount ("banana complemented by 250 g of milk")."""
    lowered = [t.lower() for t in segment.tokens]
    starts = [i for i in range(len(lowered)) if _is_measure(lowered, i)]
    cuts = [
        b
        for a, b in pairwise(starts)
        if any(t[:1].isalpha() and fold(t) not in FILLER and t not in UNIT_WORDS for t in lowered[a + 2 : b])
    ]
    if not cuts:
        return [segment]
    pieces = []
    for a, b in zip([0, *cuts], [*cuts, len(segment.tokens)], strict=True):
        while a > 0 and segment.tokens[a - 1].lower() in {"a", "an", "of", "about", "around"}:
            a -= 1
        pieces.append(replace(segment, tokens=segment.tokens[a:b], modifier=segment.modifier[a:b]))
    return pieces


def parse_meal(text: str) -> ParsedMeal:
    """All items of a description and the segments that name no food."""
    items: list[ParsedItem] = []
    unparsed: list[str] = []
    segments = [piece for segment in split_segments(text) for piece in split_measures(segment)]
    if not segments and text.strip():
        return ParsedMeal((), (text.strip()[:200],))
    carry: Segment | None = None
    for segment in segments:
        if carry is not None and not segment.comment:
            segment = replace(segment, tokens=carry.tokens + segment.tokens, modifier=carry.modifier + segment.modifier)
        carry = None
        item = None if segment.comment else parse_segment(segment)
        if item is None and not segment.comment and any(t[:1].isdigit() for t in segment.tokens):
            carry = segment  # "250 g of rich, creamy milk": the amount waits for its food
            continue
        if item is not None:
            items.append(item)
        elif any(t[:1].isalnum() and fold(t) not in FILLER for t in segment.tokens) or not any(
            t[:1].isalnum() for t in segment.tokens
        ):
            unparsed.append(segment.text[:200])
    if carry is not None:
        unparsed.append(carry.text[:200])
    return ParsedMeal(tuple(items), tuple(unparsed))
