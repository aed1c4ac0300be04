"""The notes an offline estimate may carry (translated by the bots' catalogs)."""

from __future__ import annotations

from core.food.quantities import EXPONENT, NEGATIVE, NOT_A_NUMBER, ZERO
from core.text import N_

NOTE_UNPARSED = N_("Some words did not match a food: say the amount in grams or the energy, e.g. “pizza 800 kcal”.")
NOTE_TRUNCATED = N_("Only the beginning of that long message was read.")
NOTE_TOO_MUCH = N_("An amount was too large to be a meal and was left out.")
NOTE_USUAL_SERVING = N_(
    "Where no amount was given, I counted one usual serving (its grams are shown): "
    "write the amount or size to be exact."
)
NOTE_NEGATIVE = N_("A negative amount cannot be eaten, so that item was left out: write what you ate, e.g. “200 g”.")
NOTE_ZERO = N_("An amount of zero was left out: write what you ate, e.g. “200 g rice”.")
NOTE_NOT_A_NUMBER = N_("“NaN” or “infinity” is not an amount, so that item was left out: write a number, e.g. “200 g”.")
NOTE_EXPONENT = N_("Numbers like “1e3” are not read as amounts, so that item was left out: write “1000 g”.")
PROBLEM_NOTES = {NEGATIVE: NOTE_NEGATIVE, ZERO: NOTE_ZERO, NOT_A_NUMBER: NOTE_NOT_A_NUMBER, EXPONENT: NOTE_EXPONENT}
NOTE_ALTERNATIVE = N_(
    "Where you wrote “… or …”, I counted the first choice; the other one is under “Not understood”: "
    "edit the meal if you had that instead."
)
NOTE_NO_PHOTO = N_("I cannot recognise dishes in photos in this set-up; I used the caption.")
NOTE_NO_VOICE = N_("I cannot listen to voice notes in this set-up; type the meal instead.")
