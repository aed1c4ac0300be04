"""Photos, offline first: a barcode, then a nutrition label, then a vision model, then the caption.

A barcode is looked up in the food catalogue, then (when switched on) on Open Food Facts; a code
that gives no product gets one note saying how to have it known, and falls back to the label on the
same photo, else the caption, else a request to describe it.

Each step that finds something returns an :class:`Estimate` whose notes say where the numbers came
from; the slow readers (zxing-cpp, rapidocr) run on the bounded media pool (:mod:`ai.media_pool`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ai import notes
from ai.amounts import caption_grams
from ai.barcode import lookup_codes, read_barcode
from ai.images import ImageError, open_image
from ai.label_ocr import read_label
from ai.label_parse import LabelFacts, ServingFacts
from ai.media_pool import MediaPool
from ai.off_product import OpenFoodFactsClient
from ai.off_reply import LookupStatus
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
    label: LabelFacts | ServingFacts | None


def photo_item(
    name: str,
    grams: float,
    per100: tuple[float, float, float, float],
    source: ItemSource,
    spread: float,
    food_id: str | None = None,
) -> MealItem:
    """One item from values per 100 g (kcal, protein, carbs, fat) for ``grams``, with a ±``spread`` range."""
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


_LOOKUP_NOTES = {
    LookupStatus.NOT_FOUND: notes.BARCODE_UNKNOWN_ONLINE,
    LookupStatus.UNUSABLE: notes.BARCODE_ONLINE_UNUSABLE,
    LookupStatus.FAILED: notes.BARCODE_ONLINE_FAILED,
}


async def find_product(catalog: FoodCatalog | None, code: str) -> Food | None:
    """The catalogue's product for a barcode, trying the UPC-A / EAN-13 spellings."""
    if catalog is None:
        return None
    for spelling in lookup_codes(code):
        food = await catalog.by_barcode(spelling)
        if food is not None:
            return food
    return None


async def product_for(
    catalog: FoodCatalog | None, products: OpenFoodFactsClient | None, code: str
) -> tuple[Food | None, str]:
    """The product from the catalogue, else from Open Food Facts when enabled, and a note on where it came from."""
    food = await find_product(catalog, code)
    if food is not None:
        return food, ""
    if products is None:
        return None, notes.BARCODE_UNKNOWN
    looked = await products.lookup(code)
    if looked.food is not None:
        return looked.food, notes.BARCODE_ONLINE
    return None, _LOOKUP_NOTES[looked.status]


def barcode_estimate(food: Food, caption: str) -> Estimate:
    """The product in the stated amount, or one default portion with a note."""
    stated = caption_grams(caption)
    grams = stated or food.default_grams
    name = f"{food.name} ({food.brand})" if food.brand else food.name
    per100 = (food.kcal_100g, food.protein_100g, food.carbs_100g, food.fat_100g)
    item = photo_item(name, grams, per100, ItemSource.BARCODE, SURE if stated else UNSURE, food.id)
    return Estimate((item,), notes=() if stated else (notes.BARCODE_DEFAULT_PORTION,))


def label_only(image_bytes: bytes, max_pixels: int) -> LabelFacts | ServingFacts | None:
    """The nutrition label of a photo whose barcode gave no product (blocking; None when unreadable)."""
    try:
        return read_label(open_image(image_bytes, max_pixels=max_pixels))
    except ImageError:
        return None


async def read_photo(image: bytes, max_pixels: int, pool: MediaPool) -> PhotoFindings | str:
    """The findings, or the note explaining why the photo cannot be used (:class:`MediaBusy` when the pool is full)."""
    try:
        return await pool.run(scan, image, max_pixels)
    except ImageError as err:
        return str(err)
