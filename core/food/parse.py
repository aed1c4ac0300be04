"""Parsing a meal description into items: amount, unit, size, stated kcal and the words naming the food.

Pure and forgiving: anything it cannot read is kept in :attr:`ParsedMeal.unparsed`, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from core.food.clauses import narrating, negated
from core.food.cooking_fat import split_cooking_fat
from core.food.coverage import free_word
from core.food.dish_parts import fold_dish_parts
from core.food.dishes import fold_ingredient_lists, fold_shaped_contents
from core.food.from_container import take_container
from core.food.items import ParsedItem, ParsedMeal
from core.food.measure import OF, best_measure, occasion_sizes, size_at, split_measures
from core.food.quantities import ARTICLES, NUMBER_WORDS, amount_problem, number_value
from core.food.ready_meals import fold_ready_meals, ready_meal_words
from core.food.recap import drop_recap
from core.food.restate import recount, restate, restated_amount, restated_count
from core.food.segment import Segment, split_segments
from core.food.stated_kcal import KCAL_WORDS
from core.food.text import fold, stem
from core.food.units import MASS_G, SIZE_WORDS, UNIT_WORDS, VOLUME_ML
from core.food.vocabulary import (
    ANIMALS_OF_MILK,
    DAIRY,
    DESCRIPTORS,
    FILLER,
    FOOD_DESCRIPTORS,
    MEAL_NOUNS,
    MEAT_ANIMALS,
    MODIFIER_VERBS,
    NEVER_ALONE,
    SYNONYM_EXCEPT,
    SYNONYMS,
    TASTES,
)

_NOT_A_FOOD = DESCRIPTORS | TASTES | NEVER_ALONE  # an item of these words only waits for its food, or names none
_SERVED_ON = frozenset({"on", "over", "atop", "sur"})
_BREAD_WORDS = frozenset({"bun", "buns", "roll", "rolls", "tortilla", "tortillas", "pita", "bread", "bagel"})
_MEASURED = frozenset(MASS_G) | frozenset(VOLUME_ML)
# Containers name no food ("a juice box", "a pouch of"); "bar" or "stick" may ("granola bar").
_CONTAINERS = frozenset({"box", "boxes", "pouch", "pouches", "carton", "cartons", "container", "containers", "tube"})
_TRAILING_UNITS = frozenset({"glass", "bottle", "can", "carton", "jar", "tub", "mug"})  # not "cup": "peanut butter cup"


def parse_segment(segment: Segment) -> ParsedItem | None:
    """The item a segment names, or None when only filler or numbers remain."""
    tokens = [t.lower() for t in segment.tokens]
    problem = amount_problem(tokens, UNIT_WORDS, KCAL_WORDS)
    if problem is not None:  # "-200g rice", "nan g rice": not estimated, the note says why
        named = tuple(t for t in tokens if t[:1].isalpha() and fold(t) not in FILLER)
        return ParsedItem(text=segment.text[:200], words=named, problem=problem)
    alternative = _alternative_at(tokens)  # "coffee or tea": coffee is counted, "or tea" is shown as not understood
    cut = _alternative_end(tokens, alternative, segment.modifier) if alternative is not None else len(tokens)
    used: set[int] = set(range(alternative, cut)) if alternative is not None else set()
    percents = {i for i in range(len(tokens) - 1) if tokens[i][:1].isdigit() and tokens[i + 1] == "%"}
    used |= percents | {i + 1 for i in percents}  # "2% milk": the fat level names the food, it is no amount
    stated = None
    for i, tok in enumerate(tokens):
        value = number_value(tokens[i - 1]) if i else None
        if fold(tok) in KCAL_WORDS and value is not None:
            stated = value
            used |= {i - 1, i}
    used |= occasion_sizes(tokens)  # "for a little pick-me-up": not the food's size, and not a food word
    described = {i for i, inside in enumerate(segment.modifier) if inside}  # "an omelet made with 3 eggs"
    outside = used | described
    amount, size, unit = best_measure(tokens, outside)  # the dish's own amount first: one omelet
    if amount is None and size is None and unit is None:
        amount, size, unit = best_measure(tokens, used)
    else:
        used |= outside - described
    if unit is None and (trailing := _trailing_container(tokens, segment.modifier, used)) is not None:
        unit = tokens[trailing]  # "a yogurt tub": a tub of yogurt
        used.add(trailing)
    for i in range(len(tokens)):
        if size is None and i not in used:
            size, n = size_at(tokens, i)
            if size:
                used |= set(range(i, i + n))
                break
    words: list[str] = []
    modifiers: list[str] = []
    served_on: list[str] = []
    other = (
        [t for t in tokens[alternative + 1 : cut] if t[:1].isalnum() and fold(t) not in FILLER] if alternative else []
    )
    alternatives = [" ".join([tokens[alternative or 0], *other])] if other else []
    skip = set(used)
    for i, tok in enumerate(tokens):
        if fold(tok) in {"without", "sans", "no"}:
            skip |= set(range(i, len(tokens)))
    folded = [fold(t) for t in tokens]
    for i, tok in enumerate(tokens):
        if i in percents and (i not in skip - used) and not (alternative is not None and alternative < i < cut):
            (modifiers if segment.modifier[i] else words).append(f"{tok}%")
        filler = fold(tok) in FILLER and not _food_noun(tokens, i, skip, segment.modifier)
        if i in skip or not tok[:1].isalpha() or filler:
            continue
        if narrating(folded, i):
            continue  # "I prepared a scrambled egg": the verb narrates
        if tok in UNIT_WORDS and ((i + 1 < len(tokens) and tokens[i + 1] in OF) or tok in _CONTAINERS):
            continue
        target = modifiers if segment.modifier[i] else words
        if segment.modifier[i] and _served_on(tokens, segment.modifier, i):
            served_on.append(tok)
        if fold(tok) in ANIMALS_OF_MILK and i + 1 < len(tokens) and fold(tokens[i + 1]) in DAIRY:
            continue  # "cow milk", "cow's milk": milk, not beef
        after = fold(tokens[i + 1]) if i + 1 < len(tokens) else ""
        animal = bool(target) and fold(target[-1]) in MEAT_ANIMALS  # "pork meat", "turkey mince": the animal says it
        if fold(tok) == "breakfast" and stem(after) in _BREAKFAST_FOODS:  # "a breakfast burrito": the egg burrito
            target.append("egg")
            continue
        for word in (tok if after in SYNONYM_EXCEPT.get(fold(tok), ()) else SYNONYMS.get(fold(tok), tok)).split():
            if not (word == "meat" and animal):
                target.append(word)
    words = _uncoated(tokens, words)
    food_word = len(words) == 1 and words[0].lower() in FOOD_DESCRIPTORS  # "des frites": fries; "roti", not "rôti"
    if stated is None and not food_word and all(fold(w) in _NOT_A_FOOD or negated(w) for w in words):
        return None  # "56 g of cured,", "a sweet, frosted bun": the food comes next; "…, unfrosted" describes
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
        listed=segment.listed,
        along=segment.along,
        bare=amount is None and unit is None and size is None,
        served_on=tuple(served_on),
        alternatives=tuple(alternatives),
    )


_WITHOUT = frozenset({"without", "sans", "no"})
_COATINGS = frozenset({"skin", "skins", "coating", "breading", "batter", "peau", "panure"})
_FRYING = frozenset({"fried", "crispy", "breaded", "battered", "frit", "pane"})


def _without_coating(tokens: Sequence[str]) -> bool:
    if _COATINGS.isdisjoint(tokens):  # tokens are lower case, and no coating word has an accent
        return False
    cut = next((i for i, t in enumerate(tokens) if t in _WITHOUT), len(tokens))
    return any(t in _COATINGS for t in tokens[cut:])


def _uncoated(tokens: Sequence[str], words: Sequence[str]) -> list[str]:
    """Fried chicken "without the skin" (or coating, breading): the meat alone, skinless and not fried.

    Also when a remark after the food says so ("a fried chicken thigh, eating the meat without the coating").
    """
    if not _without_coating(tokens) or not any(fold(w) in _FRYING for w in words):
        return list(words)
    return ["skinless", *(w for w in words if fold(w) not in _FRYING)]


def _alternative_at(tokens: list[str]) -> int | None:
    """Where "or"/"ou" starts an alternative food; None when there is none ("2 or 3 eggs" is an amount)."""
    for i, tok in enumerate(tokens[1:-1], 1):
        before, after = tokens[i - 1], tokens[i + 1]
        numbers = (number_value(before) is not None or before in NUMBER_WORDS) and (
            after[:1].isdigit() or after in NUMBER_WORDS
        )
        if fold(tok) in {"or", "ou"} and not numbers:
            return i
    return None


def _alternative_end(tokens: list[str], start: int, modifier: tuple[bool, ...]) -> int:
    """Where the alternative after "or" ends: before a shared head noun ("chicken or turkey salad"), else at the end.

    An alternative with its own amount ("toast or 150 g pizza", "or a cup of soup") is a whole item and shares
    no head noun. The head is the last naming word before the dish's description ("a butter or sugar cookie
    topped with icing": cookie), which stays with the counted food.
    """
    end = next((k for k in range(start + 1, len(tokens)) if modifier[k]), len(tokens))
    rest = [fold(t) for t in tokens[start + 1 : end]]
    own_unit = any(t in UNIT_WORDS for t in rest[:-1])  # a unit as the shared head names food: "cereal or granola bar"
    if own_unit or any(number_value(t) is not None or _measure_word(t) for t in rest):
        return end
    named = [k for k in range(start + 1, end) if tokens[k][:1].isalpha() and fold(tokens[k]) not in FILLER]
    return named[-1] if len(named) >= 2 else end


def _trailing_container(tokens: list[str], modifier: tuple[bool, ...], used: set[int]) -> int | None:
    """Where a container word ends a food's name ("a yogurt tub", "a coffee mug"), or None."""
    named = [k for k, t in enumerate(tokens) if not modifier[k] and k not in used and t[:1].isalpha()]
    named = [k for k in named if fold(tokens[k]) not in FILLER]
    if len(named) >= 2 and fold(tokens[named[-1]]) in _TRAILING_UNITS:
        return named[-1]
    return None


def _served_on(tokens: list[str], modifier: tuple[bool, ...], i: int) -> bool:
    """Whether modifier token ``i`` follows "on"/"over"/"sur" in its run ("eggs on toast").

    A bread after "in" is served on too: "a sausage served in a hot dog bun", "a patty nestled in a bun".
    """
    j = i
    while j > 0 and modifier[j - 1]:
        word = fold(tokens[j - 1])
        if word in MODIFIER_VERBS and j > 1 and fold(tokens[j - 2]) in ARTICLES:
            j -= 1  # "on a baked potato": after an article, "baked" describes the potato it is served on
        elif word in _SERVED_ON or word in MODIFIER_VERBS or word == "in":
            break
        else:
            j -= 1
    if j > 0 and fold(tokens[j - 1]) == "in":  # the bread itself ("bun"); "hot dog", "wheat" describe it
        after = fold(tokens[i + 1]) if i + 1 < len(tokens) else ""
        last = not after or not modifier[i + 1] or not after[:1].isalpha() or after in MODIFIER_VERBS | {"with"}
        return last and fold(tokens[i]) in _BREAD_WORDS
    return j > 0 and fold(tokens[j - 1]) in _SERVED_ON


def _food_noun(tokens: list[str], i: int, skip: set[int], described: tuple[bool, ...]) -> bool:
    """A filler word that names food: "fruit snacks" (not "a light snack"), "a frozen meal" (not "dinner rolls")."""
    before = tokens[i - 1] if i and i - 1 not in skip else ""
    if fold(tokens[i]) in _MEAL_NOUNS and ready_meal_words(tuple(tokens[max(0, i - 2) : i + 1])) is not None:
        after = fold(tokens[i + 1]) if i + 1 < len(tokens) else ""
        # "a frozen meal", "a TV dinner", "a frozen breakfast of pancakes": a ready-made meal is a food; but a food
        # word right after it, not in a description, is what is named ("frozen dinner rolls", "a frozen breakfast
        # burrito"); "a frozen meal featuring chicken" is described
        return not after[:1].isalpha() or after in FILLER or described[i + 1] or after in _MEAL_LINKS
    after = fold(tokens[i + 1]) if i + 1 < len(tokens) and not described[i + 1] else ""
    if fold(tokens[i]) == "breakfast" and stem(after) in _BREAKFAST_FOODS:
        return True  # "a breakfast burrito", "a breakfast sandwich": the dish of that name, not a time of day
    return fold(tokens[i]) in _SNACK_NOUNS and before[:1].isalpha() and fold(before) not in FILLER


# "a breakfast burrito / sandwich / wrap / taco" is the egg dish of that name (USDA's breakfast burritos and sandwiches
# hold egg), not a burrito eaten at breakfast.
_BREAKFAST_FOODS = frozenset(stem(w) for w in ("burrito", "sandwich", "wrap", "taco"))
_SNACK_NOUNS = frozenset({"snacks"})  # the plural names products; "a sweet snack" is a time of day
_MEAL_NOUNS = MEAL_NOUNS
_MEAL_LINKS = frozenset({"with", "and", "or", "avec", "et", "ou", "but", "containing", "including", "consisting"})


def _measure_word(token: str) -> bool:
    """A number, an article, a size or a unit: the start of an item whose food comes next ("a large, soft roll")."""
    t = token.lower()
    return t[:1].isdigit() or t in {"a", "an", "un", "une"} or t in SIZE_WORDS


def _identifies(segment: Segment) -> bool:
    """Whether a clause names the food an amount was waiting for: "which was a …", "it is an …"."""
    head = [fold(t.lower()) for t in segment.tokens[:3]]
    return len(head) == 3 and head[0] in {"which", "that", "it"} and head[1] in {"was", "is"} and head[2] in {"a", "an"}


def _alpha(segment: Segment) -> list[str]:
    return [t.lower() for t in segment.tokens if t[:1].isalpha()]


def _describes_only(segment: Segment) -> bool:
    """Whether a segment holds describing words only ("unfrosted", "freshly baked"): they describe the item before."""
    words = _alpha(segment)
    no_numbers = len(words) == sum(1 for t in segment.tokens if t[:1].isalnum())
    return bool(words) and no_numbers and all(map(free_word, words))


def _says_something(segment: Segment) -> bool:
    """Whether a segment holds a number or a word that is not filler."""
    return any(t[:1].isalnum() and fold(t.lower()) not in FILLER for t in segment.tokens)


_ANOTHER = frozenset({"another", "second", "more", "extra", "autre", "deuxieme", "encore"})


def _repeats(items: list[ParsedItem], item: ParsedItem) -> bool:
    """Whether the item only restates the previous one ("an apple fritter, exactly one fritter")."""
    if not items or not item.words or not items[-1].words or item.stated_kcal is not None:
        return False
    if any(fold(t) in _ANOTHER for t in item.text.lower().split()):
        return False  # "a beer, then another beer", "a second slice of pizza": one more, not the same one again
    before = {stem(fold(w)) for w in items[-1].words}
    return item.unit not in _MEASURED and all(stem(fold(w)) in before for w in item.words)


def _weighed(items: list[ParsedItem]) -> bool:
    """Whether the last item has a weighed or measured amount (which then covers what comes "with" it)."""
    return bool(items) and items[-1].amount_stated and items[-1].unit in _MEASURED


def _fries_beside(item: ParsedItem) -> tuple[ParsedItem, ...]:
    """The dish and fries beside it: "un burger frites", "saucisse frites" read as "burger et frites".

    After most foods "frites" are fries; after a potato ("pommes frites", "patates frites") it says they are fried.
    """
    words = item.words
    if len(words) < 2 or fold(words[-1]) != "frites" or fold(words[-2]) in _FRIED_NOUNS or item.stated_kcal:
        return (item,)
    fries = ParsedItem(text=words[-1], words=words[-1:], joined=True, listed=True, bare=True)
    return replace(item, words=words[:-1]), fries


_FRIED_NOUNS = frozenset({"pomme", "pommes", "terre", "patate", "patates", "banane", "bananes", "courgettes"})


def _measured_along(before: ParsedItem, item: ParsedItem) -> ParsedItem:
    """A food listed inside the measure before it ("a jar of peas and rice", "a drink of vodka and cola") goes along.

    It is part of what was measured, like a food after "with", not a serving of its own ("soup and sandwich").
    """
    measured = before.unit not in (None, "piece", "serving") or _OF.search(before.text.lower()) is not None
    return replace(item, along=True) if item.listed and not item.along and measured else item


_OF = re.compile(r"(?:^|\s)(?:of|de|d|d')(?:\s|$)")  # "a puree of ham", "un bol de riz", "un verre d eau"


def parse_meal(text: str) -> ParsedMeal:
    """All items of a description and the segments that name no food."""
    items: list[ParsedItem] = []
    unparsed: list[str] = []
    segments = [piece for segment in split_segments(text) for piece in split_measures(segment)]
    if not segments and text.strip():
        return ParsedMeal((), (text.strip()[:200],))
    carry: Segment | None = None
    previous: Segment | None = None
    for segment in segments:
        segment, previous = take_container(items, previous, segment), segment
        if not segment.tokens:
            continue  # "gumdrops from a fun-size package": the package was the gumdrops'
        if segment.comment and items and _without_coating(segment.tokens):  # "…, savoring it without the skin"
            items[-1] = replace(items[-1], words=tuple(_uncoated(segment.tokens, items[-1].words)))
        if carry is not None and segment.comment and _identifies(segment):
            segment = replace(segment, comment=False)  # "a 10 oz meal, which was a frozen dinner of beef"
        if carry is not None and not segment.comment:
            segment = replace(segment, tokens=carry.tokens + segment.tokens, modifier=carry.modifier + segment.modifier)
        elif carry is not None and _says_something(carry):
            unparsed.append(carry.text[:200])  # "… or 2 bbbb egg, which weighed …": the amount found no food
        restated = restated_amount(segment) if items and carry is None else None
        counted = restated_count(segment) if items and carry is None and restated is None else None
        recounted = recount(items[-1], *counted) if counted and not (segment.comment or segment.joined) else None
        if recounted is not None:  # "sushi, 8 pieces": the count of the sushi, not something not understood
            items[-1] = recounted
            carry = None
            continue
        carry = None
        if restated is not None:  # "a steak, which weighed 1.9 oz": the steak's weight, counted once
            items[-1], agreed = restate(items[-1], *restated)
            unparsed.extend(() if agreed else (segment.text[:200],))
            continue
        item = None if segment.comment else parse_segment(segment)
        if item is None and not segment.comment and any(_measure_word(t) for t in segment.tokens):
            carry = segment  # "250 g of rich, creamy milk": the amount waits for its food
            continue
        if item is not None and item.problem is not None:
            items.append(item)
        elif item is not None and _repeats(items, item):
            unparsed.extend(item.alternatives)
            if item.amount_stated:
                items[-1] = replace(items[-1], amount=item.amount, amount_stated=True)
        elif item is not None and item.joined and not item.amount_stated and item.unit is None and _weighed(items):
            extra = (*item.words, *item.modifiers)
            side = () if any(fold(t.lower()) in MODIFIER_VERBS for t in item.text.split()) else extra
            last = items[-1]
            text = f"{last.text} + {item.text}"[:200]
            items[-1] = replace(last, text=text, modifiers=(*last.modifiers, *extra), sides=(*last.sides, *side))
            unparsed.extend(item.alternatives)
        elif item is not None:
            items.append(_measured_along(items[-1], item) if items else item)
        elif items and not segment.comment and not segment.joined and _describes_only(segment):  # "a roll, unfrosted"
            items[-1] = replace(items[-1], modifiers=(*items[-1].modifiers, *_alpha(segment)))
        elif any(t[:1].isalnum() and fold(t) not in FILLER for t in segment.tokens) or not any(
            t[:1].isalnum() for t in segment.tokens
        ):
            unparsed.append(segment.text[:200])
    if carry is not None and _says_something(carry):  # "…, as a quick snack": filler only, nothing to show
        unparsed.append(carry.text[:200])
    items = [part for item in items for part in _fries_beside(item)]
    items = fold_ready_meals(fold_ingredient_lists(fold_shaped_contents(drop_recap(items))))
    return ParsedMeal(tuple(split_cooking_fat(i) for i in fold_dish_parts(items)), tuple(unparsed))
