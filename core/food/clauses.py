"""How a clause of a meal sentence reads: narration, a remark, a purpose, a description, a new item.

Used by the splitter (:mod:`core.food.segment`): "I prepared a scrambled egg" narrates (the egg is the item),
"savoring its aroma" and "to keep my energy up" are remarks, "that was stuffed with" describes a dish, "and a
coffee" after a remark starts a new item. Words are compared folded (:func:`core.food.text.fold`).
"""

from __future__ import annotations

from itertools import pairwise

from core.food.text import fold
from core.food.units import MASS_G, UNIT_WORDS, VOLUME_ML
from core.food.vocabulary import COMMENT_STARTS, COOKED_WORDS, FILLER, MODIFIER_VERBS

HARD = frozenset({",", ";", ".", "+", "&", ":", "!", "?", "\n"})
PROTECT = "+and+"  # stands for the "and" inside a dish name ("mac and cheese")
ARTICLES = frozenset({"a", "an", "one", "un", "une", "another", "two", "deux"})
_CODE_PAIRS = frozenset(
    {("drop", "table"), ("drop", "database"), ("truncate", "table"), ("delete", "from"), ("insert", "into"),
     ("union", "select"), ("alter", "table"), ("exec", "xp_cmdshell")}
)  # fmt: skip
_WEIGHED = frozenset(MASS_G) | frozenset(VOLUME_ML)
_EATING = frozenset(
    {"enjoying", "savoring", "savouring", "having", "eating", "drinking", "sipping", "munching", "nibbling",
     "devouring", "relishing", "tasting"}
)  # fmt: skip
_DETERMINERS = frozenset({"a", "an", "the", "my", "its", "their", "his", "her", "our", "your", "every", "each"})
_OBJECTS = frozenset({"some", "myself", "me", "us", "ourselves", "himself", "herself", "themselves", "them"})
# "ready to eat", "to go", "up to"; "sat down to enjoy a …" narrates eating: no purpose
_NOT_PURPOSE_BEFORE = frozenset({"ready", "up", "order", "due", "next", "close", "added"})
_NOT_PURPOSE_AFTER = frozenset(
    {"go", "take", "a", "an", "enjoy", "eat", "have", "drink", "savor", "savour", "grab", "try", "taste", "sip",
     "munch", "snack", "indulge", "treat"}
)  # fmt: skip


_DESCRIBING = MODIFIER_VERBS | COOKED_WORDS  # "that was stuffed with …", "that was boiled"


def negated(word: str) -> bool:
    """A participle said not done ("unfrosted", "unbreaded", "untoasted"): it describes a food, never names one."""
    folded = fold(word.lower())
    return len(folded) >= 7 and folded.startswith("un") and folded.endswith("ed")


def looks_like_code(tokens: list[str]) -> bool:
    """Whether tokens read as a database command ("DROP TABLE meals"): never food, always shown as not understood."""
    folded = [fold(t.lower()) for t in tokens]
    return any(tuple(folded[i : i + 2]) in _CODE_PAIRS for i in range(len(folded) - 1))


def narrating(folded: list[str], i: int) -> bool:
    """Whether the verb at ``i`` tells what the writer did ("I prepared a scrambled egg", "we made 2 pizzas").

    A describing verb ("made", "cooked", "prepared") with only filler before it and an article, a number or
    a pronoun after it narrates: it is filler, and what follows is the food, not a description of one.
    """
    if i >= len(folded) or folded[i] not in MODIFIER_VERBS or i + 1 >= len(folded):
        return False
    following = folded[i + 1]
    opens_food = following in ARTICLES or following in _OBJECTS or following[:1].isdigit()
    return opens_food and all(t in FILLER for t in folded[:i])


def starts_item(folded: list[str], i: int) -> bool:
    """Whether an article or a number starts a new item at ``i`` ("… for a treat and a coffee")."""
    return i < len(folded) and (folded[i] in ARTICLES or folded[i][:1].isdigit())


def starts_amount(folded: list[str], i: int) -> bool:
    """Whether an amount with a unit starts at ``i`` ("a tablespoon of", "2 slices")."""
    if i >= len(folded) or not (folded[i][:1].isdigit() or folded[i] in ARTICLES):
        return False
    return any(t in UNIT_WORDS for t in folded[i + 1 : i + 4])


def describes(folded: list[str], i: int) -> bool:
    """Whether "that was stuffed", "which were topped", "that was boiled"... starts at ``i``."""
    return (
        folded[i] in {"that", "which"}
        and folded[i + 1 : i + 2] in (["was"], ["were"], ["is"], ["are"])
        and i + 2 < len(folded)
        and folded[i + 2] in _DESCRIBING
    )


def remark(tokens: list[str]) -> bool:
    """Whether a segment opens like a remark ("savoring its aroma", "which was great"), not naming food.

    A gerund followed by an amount names food after all: "while savoring a cup of salted almonds", and so does
    an eating verb followed by an article ("while enjoying a pan dulce"; "enjoying every bite" is a remark); so does a
    weighed amount anywhere ("all enhanced by a touch of garlic at 0.3 g"; "which was 1 cup (8 fl oz)" then
    restates the previous item's amount, see core.food.restate).
    """
    words = [fold(t) for t in tokens if t not in {"and", "et", PROTECT}]
    gerund = len(words) > 1 and len(words[0]) > 5 and words[0].endswith("ing") and words[1] in _DETERMINERS
    if not words or not (words[0] in COMMENT_STARTS or gerund):  # "bringing a bubbly start to my day"
        return False
    weighed = any(w[:1].isdigit() and after in _WEIGHED for w, after in pairwise(words))
    eating = words[0] in _EATING and starts_item(words, 1)  # "while enjoying a pan dulce"
    return not (weighed or eating or (words[0].endswith("ing") and starts_amount(words, 1)))


def purpose(folded: list[str], i: int, current: list[str]) -> bool:
    """Whether "to keep my energy up", "for a fun twist" starts at ``i`` after an item's words ``current``.

    It says why the food was eaten, not what: a remark. Not a purpose: only filler up to the next separator
    ("a taco for lunch, loaded with …" goes on), "coffee to go", "ready to eat", "2 to 3", "sat down to enjoy
    a …", "reached for a …" (no amount or article yet), "designed for toddlers".
    """
    tok = folded[i]
    before = folded[i - 1] if i else ""
    after = folded[i + 1] if i + 1 < len(folded) else ""
    if tok not in {"to", "for"} or not after or after in HARD:
        return False
    end = next((k for k in range(i + 1, len(folded)) if folded[k] in HARD), len(folded))
    if all(t in FILLER for t in folded[i + 1 : end]):
        return False
    if tok == "to":
        numbers = before[:1].isdigit() or after[:1].isdigit()
        return not (numbers or before in _NOT_PURPOSE_BEFORE or after in _NOT_PURPOSE_AFTER)
    started = any(t in ARTICLES or t[:1].isdigit() or t in UNIT_WORDS for t in current)
    return started and not after[:1].isdigit() and not before.endswith("ed")
