"""The vocabulary hint given to Whisper before each voice note: a short meal-log text per language.

Whisper reads a "previous text" before the audio (``initial_prompt`` in faster-whisper); a sentence naming
everyday foods and meals primes it for the words of a meal note, so that "a bowl" is not heard "above all"
and "a pear" not "a pair". The hint names only broad, common food words (no brand, no dish of a test
phrase): it was chosen on the voice benchmark's development phrases and judged on its held-out phrases
(``winstreak bench voice``; figures in docs/ai.md). A language without a hint gets none.
"""

from __future__ import annotations

HINTS = {
    "en": (
        "Meal log: breakfast, lunch, dinner and snacks. Eggs, toast, bread, cereal, rice, pasta, potatoes, "
        "chicken, beef, pork, fish, salad, soup, vegetables, fruit, yogurt, cheese, nuts, coffee, tea, milk, "
        "juice, water, wine, beer."
    ),
    "fr": (
        "Journal des repas : petit-déjeuner, déjeuner, dîner et goûter. Œufs, pain, croissant, céréales, riz, "
        "pâtes, pommes de terre, poulet, bœuf, porc, poisson, salade, soupe, légumes, fruits, yaourt, fromage, "
        "café, thé, lait, jus, eau, vin, bière."
    ),
}


def hint_for(language: str) -> str | None:
    """The hint for a language code such as "en" or "fr-BE", or None when there is none."""
    return HINTS.get((language or "en").split("-")[0].lower())
