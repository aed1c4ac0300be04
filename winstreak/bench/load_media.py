"""The media of ``winstreak bench load``: voice notes spoken at start, a barcode photo, and its product.

Voice notes are made as the voice benchmark makes them (:mod:`winstreak.bench.voices`: flite's two voices,
packed as OGG/Opus like Telegram's), from short meal phrases of its dev set. The barcode photo is drawn by
zxing-cpp on a larger background and saved as a JPEG, as the tests draw theirs; its product is written
into the bench's scratch database, so the photo is answered from the catalogue (no OCR model, no network).
Needs the Debian packages ``flite`` and ``opus-tools`` (``MissingTool`` names them otherwise).
"""

from __future__ import annotations

import io
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import zxingcpp
from PIL import Image

from core.model.food import Food
from storage.engine import make_engine
from storage.food.writer import food_record, upsert_foods
from winstreak.bench.voices import FLITE_VOICES, speak, to_ogg

PHRASES = (  # short notes from the voice benchmark's dev set (winstreak/bench/voice_phrases.py)
    "A banana and a glass of milk",
    "Two boiled eggs and a slice of toast",
    "A cheese sandwich and a coffee",
    "Two bananas and an orange juice",
)
BARCODE = "4006381333931"
UNKNOWN = "5000112637922"  # a barcode not in the database: the bot reads the label (OCR), then the caption
PRODUCT = Food(
    id=f"bench:{BARCODE}",
    name="load bench cereal bar",
    brand="Bench",
    barcode=BARCODE,
    kcal_100g=420.0,
    protein_100g=7.0,
    carbs_100g=64.0,
    fat_100g=14.0,
    default_grams=40.0,
)


@dataclass(frozen=True)
class Media:
    """What the simulated people send: OGG/Opus voice notes (bytes, seconds) and barcode JPEGs.

    ``unknown_jpeg`` (a product the database lacks) is sent once before the clock, so the label reader's OCR
    model is loaded too when the run's memory is measured.
    """

    voices: tuple[tuple[bytes, int], ...]
    barcode_jpeg: bytes
    unknown_jpeg: bytes


def barcode_jpeg(code: str = BARCODE, scale: int = 3) -> bytes:
    """An EAN-13 drawn by zxing-cpp on a larger light 'photo', as a JPEG."""
    symbol = zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(code, zxingcpp.BarcodeFormat.EAN13), scale)
    drawn = Image.fromarray(np.asarray(symbol)).convert("RGB")
    canvas = Image.new("RGB", (drawn.width + 400, drawn.height + 300), (235, 230, 220))
    canvas.paste(drawn, (200, 150))
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=90)
    return out.getvalue()


def make_media() -> Media:
    """Speak every phrase in every flite voice (a few seconds in all) and draw the barcode photo."""
    notes: list[tuple[bytes, int]] = []
    with tempfile.TemporaryDirectory(prefix="winstreak-load-voice-") as folder:
        for voice in FLITE_VOICES:
            for n, phrase in enumerate(PHRASES):
                wav = speak(phrase, Path(folder) / f"{voice}-{n}.wav", voice)
                with wave.open(str(wav), "rb") as handle:
                    seconds = max(1, round(handle.getnframes() / handle.getframerate()))
                notes.append((to_ogg(wav).read_bytes(), seconds))
    return Media(tuple(notes), barcode_jpeg(), barcode_jpeg(UNKNOWN))


async def add_product(database: str) -> None:
    """Write the barcode's product into the scratch database (after the bot has created the tables)."""
    engine = make_engine(database)
    try:
        async with engine.begin() as conn:
            await upsert_foods(conn, [food_record(PRODUCT, "bench")])
    finally:
        await engine.dispose()
