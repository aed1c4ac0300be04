"""An estimate from the values read off a nutrition label: per 100 g, or per serving.

Per 100 g (also when converted from a per-serving column of printed weight), the caption's amount in
grams is used; without one, 100 g or one serving is counted and a note asks for the real amount. A
label printed per serving without the serving's weight gives whole servings (the caption may say how
many, e.g. "2 biscuits"), with no weight (0 g) and a note asking the user to correct the amount.
"""

from __future__ import annotations

from ai import notes
from ai.amounts import caption_count, caption_grams, caption_name
from ai.label_parse import LabelFacts, ServingFacts
from ai.photo_estimate import SURE, UNSURE, photo_item
from core.food.label_name import LABEL_NAME
from core.model import ItemSource, MealItem
from core.model.estimate import Estimate

__all__ = ["LABEL_NAME", "label_estimate", "per_100g_estimate", "per_serving_estimate"]


def per_100g_estimate(facts: LabelFacts, caption: str) -> Estimate:
    """The label's values per 100 g for the stated grams, else for one printed serving or 100 g, with notes."""
    stated = caption_grams(caption)
    per100 = (facts.kcal_100g, facts.protein_100g or 0.0, facts.carbs_100g or 0.0, facts.fat_100g or 0.0)
    grams = stated or facts.serving_g or 100.0
    name = caption_name(caption, LABEL_NAME)
    item = photo_item(name, grams, per100, ItemSource.LABEL, SURE if stated else UNSURE)
    read = notes.LABEL_READ if facts.serving_g is None or facts.per_100_printed else notes.LABEL_READ_SERVING
    if stated:
        return Estimate((item,), notes=(read,))
    guess = notes.LABEL_DEFAULT_GRAMS if facts.serving_g is None else notes.LABEL_ONE_SERVING
    return Estimate((item,), notes=(read, guess))


def per_serving_estimate(facts: ServingFacts, caption: str) -> Estimate:
    """Whole servings (the caption's count, else one) of a label with no serving weight."""
    counted = caption_count(caption)
    count, rest = counted if counted is not None else (1.0, caption)
    name = f"{caption_name(rest, LABEL_NAME)} ({count:g} × {facts.serving})"[:200]
    kcal = round(facts.kcal * count, 1)
    spread = SURE if counted is not None else UNSURE
    item = MealItem(
        name=name,
        grams=0.0,
        kcal=kcal,
        protein_g=round((facts.protein_g or 0.0) * count, 1),
        carbs_g=round((facts.carbs_g or 0.0) * count, 1),
        fat_g=round((facts.fat_g or 0.0) * count, 1),
        source=ItemSource.LABEL,
        low_kcal=round(kcal * (1 - spread), 1),
        high_kcal=round(kcal * (1 + spread), 1),
    )
    said = (notes.LABEL_PER_SERVING,) if counted is not None else (notes.LABEL_PER_SERVING, notes.LABEL_SERVING_COUNT)
    return Estimate((item,), notes=said)


def label_estimate(facts: LabelFacts | ServingFacts, caption: str) -> Estimate:
    """The estimate for what a nutrition label showed."""
    if isinstance(facts, ServingFacts):
        return per_serving_estimate(facts, caption)
    return per_100g_estimate(facts, caption)
