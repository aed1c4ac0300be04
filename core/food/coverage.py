"""Which words of a parsed item its matched food does not account for ("bold" in "bold 2 eggs").

A word is accounted for when it is filler, a refining descriptor, an amount, unit or size word, or
when the food's name or one of its aliases has the same word (same stem, a plural, one typo). Words
left over are tried as foods of their own ("chicken" in "chicken caesar salad") or shown as not
understood; nothing is dropped silently. Words describing a dish ("a burrito filled with beans") are
part of that dish, and what a food is made with, cooked in or topped with is part of that food; but a
food it is served on ("eggs on toast") or with, after a weighed amount ("yogurt 150 g with granola"),
is a side: an item of its own when the catalogue knows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from core.food.dishes import DISH_HEADS, ON_THEIR_BASE
from core.food.items import ParsedItem
from core.food.quantities import NUMBER_WORDS
from core.food.text import content_stems, fold, stem
from core.food.units import SIZE_WORDS, UNIT_WORDS
from core.food.vocabulary import DESCRIPTORS, FILLER, MODIFIER_VERBS, TASTES, compound_head, split_words
from core.model.food import Food

# Words that are neither food nor content: connectors the parser keeps inside an item.
CONNECTORS: frozenset[str] = frozenset(
    split_words(
        "with and or without no sans et ou avec de du des a an the of on in over atop from sur dans "
        "drop drops bite bites sip sips mouthful mouthfuls gulp swig nibble "  # amounts, not food
        "individual single-serve single-serving prepackaged pre-packaged"  # how it is packed: "an individual carton"
    )
)
_NEGATED = re.compile(r"\b(?:without|sans|no|not)\b", re.IGNORECASE)
_STOP = FILLER | frozenset({"with", "and", "et", "or", "ou", "avec", "nfs"})
_FREE = (
    FILLER | DESCRIPTORS | TASTES | CONNECTORS | frozenset(NUMBER_WORDS) | frozenset(UNIT_WORDS) | frozenset(SIZE_WORDS)
)
# Dishes whose description names their parts: their modifiers are inside them, not extra food.
_MORE_DISHES = frozenset(
    stem(w)
    for w in split_words(
        """bowl platter plate pasta spaghetti lasagna lasagne noodles curry pie roll rolls cake pancake pancakes
        waffle waffles sundae smoothie shake milkshake cocktail enchilada enchiladas nachos fajita fajitas
        gyro kebab sushi dumpling dumplings stir-fry frittata quiche risotto paella chili hash skillet dip"""
    )
)


_DESCRIBING = re.compile(r"^[a-z-]{3,}(?<![ae]e)d$|^[a-z-]{4,}less$|^[a-z-]{5,}ly$|^[a-z-]{4,}ful$")


def free_word(word: str) -> bool:
    """Whether a word needs no food: filler, descriptor, connector, number, unit, size or a describing word.

    Describing words are recognised by their ending: "ruffled", "crustless", "deliciously", "flavorful".
    """
    folded = fold(word.lower())
    if folded in _FREE or not any(c.isalpha() for c in folded):
        return True
    return bool(_DESCRIBING.match(folded)) and len(folded) >= 6


def _covers(mine: str, theirs: str) -> bool:
    """Whether two word stems name the same thing: equal, a plural or ending, one typo in a long word."""
    if mine == theirs:
        return True
    short, long_ = sorted((mine, theirs), key=len)
    if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True
    if len(short) >= 5 and long_.endswith(short):
        return True  # "berry" in "blueberry"
    if compound_head(long_) == short:
        return True  # "fish" in "parrotfish"
    return len(short) >= 5 and len(long_) - len(short) <= 1 and _one_edit(short, long_)


def _one_edit(a: str, b: str) -> bool:
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _food_stems(food: Food) -> frozenset[str]:
    """Stems of the food's name and aliases, leaving out what they exclude ("caesar salad without chicken")."""
    return _stems_of(food.name, food.aliases)


@lru_cache(maxsize=4_096)  # a pure function of the names: bounded (<= 6 MB full), nothing to invalidate (issue 16)
def _stems_of(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s for text in (name, *aliases) for s in content_stems(_NEGATED.split(text)[0], _STOP))


def uncovered(words: Iterable[str], food: Food) -> list[str]:
    """The words (as written) that are not free and that the food's names do not contain."""
    names = _food_stems(food)
    left = []
    for word in words:
        if free_word(word):
            continue
        stems = content_stems(word, frozenset(_FREE))
        if stems and not all(any(_covers(s, n) for n in names) for s in stems):
            left.append(word)
    return left


# Verbs after which a simple food's description names what was put on it ("yogurt topped with granola").
_ON_TOP = frozenset({"topped", "sprinkled", "garnished", "drizzled"})


def put_on_top(item: ParsedItem) -> list[str]:
    """The words of the item's description after "topped with", "sprinkled with"... up to the next describing verb.

    "greek yogurt topped with granola and honey" -> ["granola", "honey"]; "rice made with oil" -> [] (how it was made).
    """
    words: list[str] = []
    on_top = False
    for word in item.modifiers:
        folded = fold(word.lower())
        if folded in MODIFIER_VERBS:
            on_top = folded in _ON_TOP
        elif on_top:
            words.append(word)
    return words


def said_with(item: ParsedItem, food: Food) -> bool:
    """Whether the bare "with" item is what the food's own name says it comes with.

    "a quarter pounder with cheese": the burger matched is the quarter pounder with cheese, so "cheese" is in it,
    not 28 g of cheddar beside it. Only the part of a name after "with" counts ("almond butter" does not hold butter).
    """
    if not item.joined or item.listed or not item.bare or not item.words or item.stated_kcal is not None:
        return False
    words = [content_stems(w, frozenset(_FREE)) for w in item.words if not free_word(w)]
    if not words:
        return False
    for name in (food.name, *food.aliases):
        _, found, after = name.lower().partition(" with ")
        stems = _stems_of(after, ()) if found else frozenset()
        if stems and all(any(_covers(s, n) for n in stems) for ws in words for s in ws):
            return True
    return False


def names_exactly(phrase: list[str], food: Food) -> bool:
    """Whether the phrase is the food's name or one of its aliases, describing words aside.

    "chicken" names "chicken breast, cooked" (alias "chicken"); "white" does not name "white wine".
    """
    wanted = _naming_stems(" ".join(phrase))
    return bool(wanted) and any(_naming_stems(name) == wanted for name in (food.name, *food.aliases))


_PAIR_WORDS = frozenset({"and", "&", "et", "n", "'n'", "n'", "with", "avec"})


def names_a_pair(food: Food) -> bool:
    """Whether the food is named as two foods together ("macaroni and cheese", "fish & chips", "riz et haricots").

    "steak and fries" may become one food only if the catalogue names such a pair: "steak fries" (a cut of
    fries) would drop the steak.
    """
    names = (food.name, food.name_fr or "", *food.aliases)
    return any(_PAIR_WORDS.intersection(re.split(r"[\s,]+", name.lower())) for name in names)


def _naming_stems(text: str) -> frozenset[str]:
    return frozenset(s for w in text.replace(",", " ").split() if not free_word(w) for s in content_stems(w, _STOP))


def is_dish(item: ParsedItem, food: Food) -> bool:
    """Whether the item names a dish whose description lists its own parts."""
    heads = {stem(fold(w.lower())) for w in item.words[-1:]} | {stem(w) for w in content_stems(food.name, FILLER)}
    return bool(heads & (DISH_HEADS | _MORE_DISHES))


def parts_of_dish(before: ParsedItem, item: ParsedItem, food: Food) -> bool:
    """Whether ``before``, listed before the dish ``item`` matched to ``food``, only names the dish's parts.

    "bacon egg" of "a bacon egg and cheese biscuit" does when the biscuit matched is the one with egg, cheese and
    bacon: it is in that sandwich, not a plate of bacon and eggs beside it. "fish chips" of "fish chips and pea
    soup" does not (a pea soup names neither), and stays a food of its own.
    """
    return (
        item.joined
        and item.listed
        and item.bare
        and len(item.words) >= 2
        and is_dish(item, food)
        and bool(before.words)
        and before.stated_kcal is None
        and before.problem is None
        and not before.sides
        and not before.served_on
        and not uncovered((*before.words, *before.modifiers), food)
    )


def on_its_base(item: ParsedItem, food: Food) -> bool:
    """Whether the dish holds what it is served on ("a sandwich on rye"); a salad, stew or omelette does not."""
    heads = {stem(fold(w.lower())) for w in item.words[-1:]} | {stem(w) for w in content_stems(food.name, FILLER)}
    return bool(heads & ON_THEIR_BASE)


def left_over(item: ParsedItem, food: Food) -> tuple[list[str], list[str], list[str]]:
    """The item's naming words, what it is served on, and the foods that come with it, that ``food`` does not name.

    In a dish, a word naming a known food is an ingredient ("turkey sandwich"), unless the dish's name
    excludes it (:func:`excluded`). Other describing words ("made with oil", "filled with beans") are part
    of the food as matched.
    """
    return uncovered(item.words, food), uncovered(item.served_on, food), uncovered(item.sides, food)


def filled(item: ParsedItem, food: Food) -> list[tuple[str, bool]]:
    """Foods listed before a dish ("kiwi and beef taco") that the dish's names do not hold, each marked listed.

    They were taken for the dish's filling (:func:`core.food.dishes.fold_ingredient_lists`); not named by the dish
    matched, they are shown as foods of their own rather than lost in it.
    """
    return [(word, True) for word in uncovered(item.fillings, food)]


# Breads a dish is built on: matched alone ("croissant" for "egg croissant"), they hold no filling of their own.
_BREADS = frozenset(stem(w) for w in split_words("croissant bagel muffin toast bread tortilla pita flatbread baguette"))
_NAME_PARTS = re.compile(r",| in | with | on | and | of | filled | stuffed ")


def plain_bread(food: Food) -> bool:
    """Whether the food is a bread with nothing in it: its name's first part ends in a bread.

    "croissant", "english muffin" are; "bratwurst in a bun", "ham and cheese croissant" are not.
    A known food named before it ("egg and bbbb croissant") is then an item of its own, not part of the bread.
    """
    head = [s for s in content_stems(_NAME_PARTS.split(food.name.lower())[0], _STOP) if s not in _FREE]
    return bool(head) and head[-1] in _BREADS


def excluded(word: str, food: Food) -> bool:
    """Whether the food's name or an alias says it comes without the word ("caesar salad without chicken")."""
    stems = content_stems(word, _STOP)
    return any(
        any(_covers(s, n) for s in stems for n in content_stems(part, _STOP))
        for name in (food.name, *food.aliases)
        for part in _NEGATED.split(name)[1:]
    )
