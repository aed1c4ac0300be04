"""Finding the amount, size and unit of an item in its tokens: "2 large slices of", "a 12 fl oz bottle of".

Also cuts a segment that holds several measured amounts ("banana complemented by 250 g of milk").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from core.food.quantities import Amount, read_amount
from core.food.segment import Segment
from core.food.text import fold
from core.food.units import MASS_G, SIZE_WORDS, UNIT_WORDS, VOLUME_ML
from core.food.vocabulary import DESCRIPTORS, FILLER, NUMBERED_NAMES

_SIZE_SUFFIX = frozenset({"size", "sized", "taille"})
_COMPOUND_SIZES = {"fun": "mini", "snack": "mini", "kid": "small", "kids": "small", "bite": "mini",
                   "child": "small", "individual": "medium", "single": "medium", "family": "xlarge",
                   "party": "xlarge", "personal": "personal", "king": "xlarge", "full": "medium",
                   "breakfast": "small"}  # fmt: skip
_NOT_SIZED = frozenset({"crust", "crusts", "pâte", "roast", "rare", "heat", "spicy", "hot"})
# A size before one of these sizes the occasion, not a food: "for a little pick-me-up", "a big lunch of …"
_OCCASIONS = frozenset(
    {"snack", "snacks", "pick-me-up", "treat", "breakfast", "brunch", "lunch", "dinner", "supper", "break"}
)
_SKIPPABLE = FILLER | DESCRIPTORS
OF = frozenset({"of", "de", "d", "du", "des"})
_INCH = frozenset({"inch", "inches", "in", "pouce", "pouces", '"', "cm"})
_AFTER_INCH = frozenset({"in", "diameter", "diametre", "diamètre", "de", "long", "wide", "across", "round"})
_LENGTH_SIZES = {"footlong": "xlarge", "foot-long": "xlarge"}


def diameter_size(inches: float) -> str:
    """The size a diameter or length in inches stands for: a 6-inch pizza is small, a 14-inch one extra large."""
    if inches <= 8:
        return "personal"
    if inches <= 11:
        return "small"
    if inches <= 13:
        return "medium"
    return "large" if inches <= 15 else "xlarge"


def inch_size(tokens: list[str], used: set[int]) -> str | None:
    """A size given as a length ("a 5 to 7 inch diameter", "12-inch", "footlong"); its tokens join ``used``."""
    for i, tok in enumerate(tokens):
        if i in used:
            continue
        if tok in _LENGTH_SIZES or (tok == "foot" and i + 1 < len(tokens) and tokens[i + 1] == "long"):
            used |= {i, i + 1} if tok == "foot" else {i}
            return _LENGTH_SIZES.get(tok, "xlarge")
        amount = read_amount(tokens, i) if tok[:1].isdigit() else None
        j = i + amount.used if amount else i
        if amount is None or j >= len(tokens) or tokens[j] not in _INCH:
            continue
        if tokens[j] == "in" and (j + 1 >= len(tokens) or tokens[j + 1] not in _AFTER_INCH):
            continue  # "2 in a row" is not a length
        inches = amount.value / 2.54 if tokens[j] == "cm" else amount.value
        k = j + 1
        while k < len(tokens) and tokens[k] in _AFTER_INCH:
            k += 1
        used |= set(range(i, k))
        return diameter_size(inches)
    return None


def unit_at(tokens: list[str], j: int) -> tuple[str | None, int]:
    """A unit at ``j`` (one or two words), with the tokens it used."""
    if j + 1 < len(tokens) and f"{tokens[j]} {tokens[j + 1]}" in UNIT_WORDS:
        return UNIT_WORDS[f"{tokens[j]} {tokens[j + 1]}"], 2
    if j < len(tokens) and tokens[j] in UNIT_WORDS:
        return UNIT_WORDS[tokens[j]], 1
    return None, 0


def size_at(tokens: list[str], j: int) -> tuple[str | None, int]:
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
    if j + 1 < len(tokens) and tokens[j + 1] in _NOT_SIZED:
        return None, 0  # "a medium crust pizza" is about the crust
    if tok in SIZE_WORDS:
        return SIZE_WORDS[tok], 1
    if tok == "extra" and j + 1 < len(tokens) and tokens[j + 1] in {"large", "big"}:
        return "xlarge", 2
    return None, 0


def occasion_sizes(tokens: list[str]) -> set[int]:
    """Size words that size an occasion, not a food: "for a little pick-me-up", "a big lunch of pasta".

    A food word right after the occasion makes it part of the food's name: "a large breakfast burrito".
    """
    found = set()
    for j, tok in enumerate(tokens[:-1]):
        after = tokens[j + 2] if j + 2 < len(tokens) else ""
        food_next = after[:1].isalpha() and fold(after) not in FILLER
        sized = tok in SIZE_WORDS and SIZE_WORDS[tok] != "school"  # "the school lunch" is a school portion
        if sized and tokens[j + 1] in _OCCASIONS and not food_next:
            k = j - 1  # the article with it ("a little", "a quick little"): it counts no food
            while k >= 0 and tokens[k] not in {"a", "an"} and fold(tokens[k]) in _SKIPPABLE:
                k -= 1
            found |= set(range(k, j + 1)) if k >= 0 and tokens[k] in {"a", "an"} else {j}
    return found


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


# "four cheese pizza", "three egg omelette", "seven layer dip": a number before these words describes one dish.
_RECIPE_COUNTS = frozenset({"cheese", "egg", "bean", "meat", "layer", "grain", "berry", "topping", "veggie", "pepper"})


def _describes_dish(tokens: list[str], j: int) -> bool:
    """Whether the words after a number name what one dish is made of ("four cheese pizza"), not a count."""
    if j + 1 >= len(tokens) or fold(tokens[j]) not in _RECIPE_COUNTS:
        return False
    after = fold(tokens[j + 1])
    return after.isalpha() and not after.endswith("s") and after not in UNIT_WORDS


def _measure_at(tokens: list[str], i: int) -> _Measure | None:
    """An amount at ``i`` with its size and unit ("2 large slices of", "a 12 fl oz bottle of")."""
    amount = read_amount(tokens, i)
    if amount is None or (i + amount.used < len(tokens) and tokens[i + amount.used] == "%"):
        return None
    if amount.stated and amount.value > 1 and _describes_dish(tokens, i + amount.used):
        return None
    if i + 1 < len(tokens) and (fold(tokens[i]), fold(tokens[i + 1])) in NUMBERED_NAMES:
        return None  # "3 Musketeers", "7 Up": a name
    j = i + amount.used
    k = _skip_filler(tokens, j)
    size, n = size_at(tokens, k)
    if size:
        j = k + n
    k = _skip_filler(tokens, j)
    unit, n = unit_at(tokens, k)
    if unit:
        j = k + n
        container, extra = unit_at(tokens, j)
        if container and container not in MASS_G and container not in VOLUME_ML:
            j += extra
        if j < len(tokens) and tokens[j] in OF:
            j += 1
    return _Measure(amount, size, unit, j)


def best_measure(tokens: list[str], used: set[int]) -> tuple[Amount | None, str | None, str | None]:
    """The best amount, size and unit in a segment: a stated number with a unit beats a bare number or "a".

    A length ("a 6-inch sub", "5 to 7 inches in diameter") is a size, never a count.
    """
    length = inch_size(tokens, used)
    amount, size, unit = _best(tokens, used)
    return amount, size or length, unit


def _best(tokens: list[str], used: set[int]) -> tuple[Amount | None, str | None, str | None]:
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


def _is_measure(tokens: list[str], i: int) -> bool:
    """An amount with a unit at ``i``: "250 g", "a cup", "2 slices"."""
    found = _measure_at(tokens, i) if tokens[i] not in {"a", "an"} or i == 0 or tokens[i - 1] not in OF else None
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
