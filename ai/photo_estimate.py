"""Photos, offline first: a barcode, then a nutrition label, then a vision model, then the caption.

Each step that finds something returns an :class:`Estimate` whose notes say where the numbers came
from; the slow readers (zxing-cpp, rapidocr) run in a worker thread.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from ai import notes
from ai.amounts import caption_grams, caption_name
from ai.barcode import lookup_codes, read_barcode
from ai.images import ImageError, open_image
from ai.label_ocr import read_label
from ai.label_parse import LabelFacts
from core.model import ItemSource, MealItem
from core.model.estimate import Estimate
from core.model.food import Food
from core.ports import FoodCatalog

SURE = 0.1  # ±10 % when the grams were stated: labels round their values
UNSURE = 0.35  # ±35 % when a default portion had to be assumed


@dataclass(frozen=True, slots=True)
class PhotoFindings:
    """What the offline readers found in one photo."""

    barcode: str | None
    label: LabelFacts | None


def _item(
    name: str,
    grams: float,
    per100: tuple[float, float, float, float],
    source: ItemSource,
    spread: float,
    food_id: str | None = None,
) -> MealItem:
    factor = grams / 100.0
    kcal = round(per100[0] * factor, 1)
    return MealItem(
        name=name[:200],
        grams=round(grams, 1),
        kcal=kcal,
        protein_g=round(per100[1] * factor, 1),
        carbs_g=round(per100[2] * factor, 1),
        fat_g=round(per100[3] * factor, 1),
        source=source,
        low_kcal=round(kcal * (1 - spread), 1),
        high_kcal=round(kcal * (1 + spread), 1),
        food_id=food_id,
    )


def scan(image_bytes: bytes, max_pixels: int) -> PhotoFindings:
    """Barcode, and the label only when there is no barcode (blocking; raises ImageError)."""
    image = open_image(image_bytes, max_pixels=max_pixels)
    code = read_barcode(image)
    return PhotoFindings(code, None if code else read_label(image))


async def find_product(catalog: FoodCatalog | None, code: str) -> Food | None:
    """The catalogue's product for a barcode, trying the UPC-A / EAN-13 spellings."""
    if catalog is None:
        return None
    for spelling in lookup_codes(code):
        food = await catalog.by_barcode(spelling)
        if food is not None:
            return food
    return None


def barcode_estimate(food: Food, caption: str) -> Estimate:
    """The product in the stated amount, or one default portion with a note."""
    stated = caption_grams(caption)
    grams = stated or food.default_grams
    name = f"{food.name} ({food.brand})" if food.brand else food.name
    per100 = (food.kcal_100g, food.protein_100g, food.carbs_100g, food.fat_100g)
    item = _item(name, grams, per100, ItemSource.BARCODE, SURE if stated else UNSURE, food.id)
    return Estimate((item,), notes=() if stated else (notes.BARCODE_DEFAULT_PORTION,))


def label_estimate(facts: LabelFacts, caption: str) -> Estimate:
    """The label's values for the stated grams, or for 100 g with a note."""
    stated = caption_grams(caption)
    per100 = (facts.kcal_100g, facts.protein_100g or 0.0, facts.carbs_100g or 0.0, facts.fat_100g or 0.0)
    item = _item(
        caption_name(caption, "Food from the label"),
        stated or 100.0,
        per100,
        ItemSource.LABEL,
        SURE if stated else UNSURE,
    )
    return Estimate((item,), notes=(notes.LABEL_READ,) if stated else (notes.LABEL_READ, notes.LABEL_DEFAULT_GRAMS))


async def read_photo(image: bytes, max_pixels: int) -> PhotoFindings | str:
    """The findings, or the note explaining why the photo cannot be used."""
    try:
        return await asyncio.to_thread(scan, image, max_pixels)
    except ImageError as err:
        return str(err)
