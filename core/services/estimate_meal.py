"""Use case: estimate a meal from a description, offline, with the food catalogue.

Each parsed item is matched in the :class:`core.ports.FoodCatalog`; its grams come from the stated
weight or volume, else the food's household portions; kcal and macros from values per 100 g. Every
item carries a low–high range, wider when the amount was guessed or the match is weak. What matches
no food is returned in ``unparsed``; energy stated by the user ("800 kcal") is taken as exact.
"""

from __future__ import annotations

from dataclasses import replace

from core.food.biscuits import biscuit_senses
from core.food.cooking_fat import fat_grams, takes_fat
from core.food.coverage import (
    excluded,
    filled,
    is_dish,
    left_over,
    names_a_pair,
    names_exactly,
    on_its_base,
    parts_of_dish,
    plain_bread,
    put_on_top,
    said_with,
    uncovered,
)
from core.food.items import ParsedItem, merged, with_parts
from core.food.matching import Scored, rank, search_queries
from core.food.parse import parse_meal
from core.food.portions import no_amount
from core.food.segment import MAX_CHARS
from core.food.stated_kcal import stated_item
from core.food.text import fold, stem
from core.food.vocabulary import DESCRIPTORS, RAW_WORDS, USUALLY_COOKED
from core.model import MealItem
from core.model.estimate import Estimate
from core.model.food import Food
from core.ports import FoodCatalog
from core.services.carried_dishes import carried
from core.services.estimate_notes import (
    NOTE_ALTERNATIVE,
    NOTE_NO_PHOTO,
    NOTE_NO_VOICE,
    NOTE_TOO_MUCH,
    NOTE_TRUNCATED,
    NOTE_UNPARSED,
    NOTE_USUAL_SERVING,
    PROBLEM_NOTES,
)
from core.services.matched_items import is_dry, is_raw, meal_item, part_item, said_cooked, said_heat, size_word

MIN_SCORE = 0.45
MERGE_SCORE = 0.8
EXTRA_SCORE = 0.7  # a left-over word becomes an item of its own only when it names a food this clearly
FORM_MARGIN = 0.25  # how much weaker a cooked form's match may be than the raw one's
CANDIDATES = 15
_RAW_DISHES = frozenset({"salad", "salads", "salade", "salades", "slaw", "coleslaw", "crudités", "crudites"})


class CatalogMealEstimator:
    """A :class:`core.ports.MealEstimator` for text, built on the food catalogue; no network, no model."""

    def __init__(self, catalog: FoodCatalog, min_score: float = MIN_SCORE) -> None:
        self._catalog = catalog
        self._min_score = min_score

    async def best_food(self, parsed: ParsedItem, language: str, form: bool = True) -> Scored | None:
        """The catalogue food that fits the item best, or None below the confidence floor.

        With ``form``, a food usually eaten cooked is not taken raw unless the words say so.
        """
        ranked = await self._ranked(parsed, language)
        word = size_word(parsed) if form else None
        if word:  # "a big mac" is the Big Mac when a food is named so, not a large "mac" (macaroni and cheese)
            named = await self._ranked(replace(parsed, words=(word, *parsed.words)), language)
            if named and fold(word) in fold(named[0].food.name.lower()).replace(",", " ").split():
                ranked = named
        if not ranked or ranked[0].score < self._min_score:
            return None
        if form and is_dry(ranked[0].food) and said_cooked(parsed):  # "maize grain, boiled": not the dry grain
            cooked_words = replace(parsed, words=("cooked", *parsed.words))
            cooked = next((s for s in await self._ranked(cooked_words, language) if not is_dry(s.food)), None)
            if cooked and cooked.score >= self._min_score and cooked.score >= ranked[0].score - FORM_MARGIN:
                return cooked
        if form and is_raw(ranked[0].food) and not any(fold(w) in RAW_WORDS for w in parsed.words):
            head = next((w for w in reversed(parsed.words) if fold(w) not in DESCRIPTORS), "")  # not "cooked"
            form_word = USUALLY_COOKED.get(stem(fold(head)))
            if form_word or said_heat(parsed):  # "2 eggs": a boiled egg, not "egg, raw"; "boiled courgettes"
                return await self.cooked_form(parsed, ranked[0], language, form_word or "cooked")
        return ranked[0]

    async def cooked_form(self, parsed: ParsedItem, hit: Scored, language: str, word: str = "cooked") -> Scored:
        """The cooked form of a raw match when one fits nearly as well ("broccoli" served with a grilled dish)."""
        said = [fold(w) for w in parsed.text.lower().split()]
        if not is_raw(hit.food) or any(w in RAW_WORDS or w in _RAW_DISHES for w in said):
            return hit
        cooked = await self.best_food(replace(parsed, words=(word, *parsed.words)), language, form=False)
        if cooked and not is_raw(cooked.food) and cooked.score >= hit.score - FORM_MARGIN:
            return cooked
        return hit

    async def _ranked(self, parsed: ParsedItem, language: str) -> list[Scored]:
        """The catalogue's candidates for the item's queries, re-scored for the item, best first."""
        head_first = language.lower().startswith("fr")
        candidates: dict[str, tuple[Food, float]] = {}
        for query in search_queries(parsed, head_first):
            for match in await self._catalog.search(query, CANDIDATES):
                known = candidates.get(match.food.id)
                if known is None or known[1] < match.score:
                    candidates[match.food.id] = (match.food, match.score)
        return rank(parsed, candidates.values(), head_first)

    async def _matched(self, items: tuple[ParsedItem, ...], language: str) -> list[tuple[ParsedItem, Scored | None]]:
        """Each item with its food, merging "X with Y" into one item when a single food names both."""
        matched: list[tuple[ParsedItem, Scored | None]] = []
        heat = False  # a cooked dish before: the sides joined to it are cooked too
        for parsed in items:
            heat = said_heat(parsed) or (heat and parsed.joined)
            if parsed.stated_kcal is not None or parsed.problem is not None:
                matched.append((parsed, None))
                continue
            hit = await self.best_food(parsed, language)
            if hit and heat:  # "grilled chicken with rice and broccoli": cooked broccoli, not raw
                hit = await self.cooked_form(parsed, hit, language)
            if hit and matched and matched[-1][1] is not None and parts_of_dish(matched[-1][0], parsed, hit.food):
                matched[-1] = (with_parts(parsed, matched[-1][0]), hit)  # "a bacon egg and cheese biscuit": one
                continue
            if hit and matched and (matched[-1][1] is not None) and said_with(parsed, matched[-1][1].food):
                matched[-1] = (merged(matched[-1][0], parsed), matched[-1][1])  # "a quarter pounder with cheese"
                continue
            if parsed.joined and matched and matched[-1][1] is not None and not matched[-1][0].amount_stated:
                previous, previous_hit = matched[-1]
                both = merged(previous, parsed)
                joint = await self.best_food(both, language)
                same_as_side = hit is not None and joint is not None and joint.food.id == hit.food.id
                # "almond butter and a tablespoon of butter": a joint that is the first food again would drop the second
                same_as_first = previous_hit is not None and joint is not None and joint.food.id == previous_hit.food.id
                if (  # "pancakes with syrup" is not "pancake syrup" alone: a merge must not drop the first food
                    joint
                    and previous_hit
                    and not same_as_side
                    and not same_as_first
                    and joint.score >= MERGE_SCORE
                    and joint.score >= previous_hit.score - 0.05
                    and names_a_pair(joint.food)  # "steak and fries" / "steak with fries" are not "steak fries"
                ):
                    matched[-1] = (both, joint)
                    continue
            matched.append((parsed, hit))
        return matched

    async def _extra(
        self, phrase: list[str], topping: bool, main: Food, language: str, base: bool = False
    ) -> tuple[list[MealItem], list[str]]:
        """Words the main food left over: a food of their own ("toast" of "eggs on toast"), else not understood.

        A word naming the main food again (a typo the search corrected) is taken as covered. A ``base`` the dish
        was served on ("egg salad on a croissant") is a serving of its own.
        """
        parsed = ParsedItem(text=" ".join(phrase)[:200], words=tuple(phrase), joined=topping and not base, bare=True)
        hit = await self.best_food(parsed, language)
        if hit is None or hit.score < EXTRA_SCORE or not names_exactly(phrase, hit.food):
            if len(phrase) > 1:  # "bbbb egg": try each word alone
                found = [await self._extra([word], topping, main, language, base) for word in phrase]
                return [i for items, _ in found for i in items], [r for _, rest in found for r in rest]
            return [], [parsed.text]
        if hit.food.id == main.id:
            return [], []
        item = meal_item(parsed, hit) if topping or base else part_item(parsed, hit)
        rest = uncovered(phrase, hit.food)
        return ([item] if item else []), ([" ".join(rest)] if rest else [])

    async def _ingredient(self, word: str, dish: Food, language: str, listed: bool) -> tuple[list[MealItem], list[str]]:
        """A word before a dish: an ingredient when it names a food ("turkey sandwich"), else not understood.

        An ingredient the dish's own name excludes is added ("chicken caesar salad" as "caesar salad
        without chicken" + chicken); so is a food listed before the dish ("kiwi and beef taco") that the dish's
        names do not hold: it was only taken for a filling, and would be lost in the dish.
        """
        known = await self.best_food(ParsedItem(text=word, words=(word,)), language, form=False)
        if known is None or known.score < EXTRA_SCORE:
            return [], [word]
        if listed:
            return await self._extra([word], True, dish, language)
        if excluded(word, dish):
            return await self._extra([word], False, dish, language)
        return [], []

    async def _cooking_fat(self, words: tuple[str, ...], food_grams: float, language: str) -> MealItem | None:
        """The fat a food was cooked in, at a household share of the food's grams (:mod:`core.food.cooking_fat`)."""
        fat = ParsedItem(" ".join(words)[:200], words, amount=fat_grams(food_grams), amount_stated=True, unit="g")
        hit = await self.best_food(fat, language)
        return meal_item(fat, hit) if hit and hit.score >= EXTRA_SCORE else None

    async def from_text(self, text: str, language: str) -> Estimate:
        """Items, the text not understood, and notes for a description in English or French."""
        meal = parse_meal(text)
        items: list[MealItem] = []
        unparsed = list(meal.unparsed)
        notes: list[str] = []
        refused: list[str] = []  # items whose amount cannot be eaten: shown as not understood, with their note
        previous: Food | None = None  # the main food a bare "with" item goes with
        for parsed, hit in await self._matched(biscuit_senses(meal.items, language), language):
            unparsed.extend(parsed.alternatives)
            notes.extend([NOTE_ALTERNATIVE] if parsed.alternatives else [])
            if parsed.problem is not None:
                refused.append(parsed.text)
                notes.append(PROBLEM_NOTES[parsed.problem])
                continue
            if parsed.stated_kcal is not None:
                stated = stated_item(parsed.name, parsed.stated_kcal)
                items.append(stated) if stated else notes.append(NOTE_TOO_MUCH)
                continue
            item = meal_item(parsed, hit, previous) if hit else None
            if item is None or hit is None:
                unparsed.append(parsed.text)
                if hit:
                    notes.append(NOTE_TOO_MUCH)
                continue
            items.append(item)
            previous = hit.food if hit and not parsed.joined else previous
            if parsed.cooking_fat and takes_fat(hit.food):  # "tilapia baked in oil": the oil is eaten too
                fat = await self._cooking_fat(parsed.cooking_fat, item.grams, language)
                items.extend([fat] if fat else [])
                unparsed.extend([] if fat else [" ".join(parsed.cooking_fat)])
            if no_amount(parsed):
                notes.append(NOTE_USUAL_SERVING)
            words, served_on, modifiers = left_over(parsed, hit.food)
            base = list(parsed.served_on) if served_on and not on_its_base(parsed, hit.food) else []
            if is_dish(parsed, hit.food):  # "turkey sandwich", "a sandwich on rye": known foods are in the dish
                bread = await carried(parsed, hit.food, self.best_food, language, EXTRA_SCORE)
                if bread is not None:  # "a nutella sandwich" is bread and Nutella, not the ham sandwich
                    items[-1:], used, rest = bread[0], bread[1], bread[2]
                    unparsed.extend(rest)
                else:
                    used = []
                said = [*((w, False) for w in [*words, *served_on] if w not in base), *filled(parsed, hit.food)]
                bare_bread = plain_bread(hit.food)  # "egg croissant" matched to a plain croissant: the egg is on it
                for word, listed in [(w, listed) for w, listed in said if w not in used]:
                    extra, rest = await self._ingredient(word, hit.food, language, listed or bare_bread)
                    items.extend(extra)
                    unparsed.extend(rest)
                if bare_bread:  # "egg and bbbb croissant": a plain croissant holds no egg, it is a topping
                    modifiers = [*modifiers, *uncovered(parsed.modifiers, hit.food)]
            else:
                unparsed.extend([" ".join(words)] if words else [])  # "bold 2 eggs": "bold" is not understood
                topped = uncovered(put_on_top(parsed), hit.food)  # "yogurt topped with granola": the granola too
                modifiers = [*(w for w in served_on if w not in base), *modifiers, *topped]
            if base:  # "eggs on toast", "egg salad on a croissant", "chili on a baked potato": a serving of it too
                extra, rest = await self._extra(base, True, hit.food, language, base=True)
                items.extend(extra)
                unparsed.extend(rest)
            if modifiers:  # "eggs on toast", "yogurt 150 g with granola": what comes with a simple food
                extra, rest = await self._extra(modifiers, True, hit.food, language)
                items.extend(extra)
                unparsed.extend(rest)
        if unparsed:
            notes.append(NOTE_UNPARSED)
        unparsed += refused
        if len(text) > MAX_CHARS:
            notes.append(NOTE_TRUNCATED)
        return Estimate(tuple(items), tuple(unparsed), None, tuple(dict.fromkeys(notes)))

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        """Only the caption can be read here; a composite estimator adds barcodes, labels and vision."""
        estimate = await self.from_text(caption, language) if caption.strip() else Estimate(())
        return Estimate(estimate.items, estimate.unparsed, None, (NOTE_NO_PHOTO, *estimate.notes))

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        """No speech recognition here; a composite estimator transcribes and calls :meth:`from_text`."""
        return Estimate((), (), None, (NOTE_NO_VOICE,))
