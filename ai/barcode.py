"""Reading retail barcodes (EAN-13, EAN-8, UPC-A, UPC-E) from a photo with zxing-cpp.

A plain read first; when it finds nothing, an upscaled copy (for small or distant codes) and copies
rotated by ±15–75° (zxing-cpp itself covers 90° turns) are tried, stopping at the first hit.
"""

from __future__ import annotations

from collections.abc import Iterator

import zxingcpp
from PIL import Image

RETAIL_FORMATS = zxingcpp.barcode_formats_from_str("EAN-13,EAN-8,UPC-A,UPC-E")
ANGLES = (15, -15, 30, -30, 45, -45, 60, -60, 75, -75)
SMALL_SIDE = 800
LARGE_SIDE = 2400


def _read(gray: Image.Image) -> str | None:
    for found in zxingcpp.read_barcodes(gray, formats=RETAIL_FORMATS):
        text = str(found.text)
        if found.valid and text.isdigit():
            return text
    return None


def _variants(gray: Image.Image) -> Iterator[Image.Image]:
    side = max(gray.size)
    if side < SMALL_SIDE:
        factor = min(4, -(-SMALL_SIDE // max(side, 1)))
        bigger = gray.resize((gray.width * factor, gray.height * factor), Image.Resampling.LANCZOS)
        yield bigger
        gray = bigger
    for angle in ANGLES:
        yield gray.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)


def read_barcode(image: Image.Image) -> str | None:
    """The digits of the first retail barcode in the picture, or None."""
    gray = image.convert("L")
    if max(gray.size) > LARGE_SIDE:
        gray.thumbnail((LARGE_SIDE, LARGE_SIDE), Image.Resampling.LANCZOS)
    found = _read(gray)
    if found:
        return found
    for variant in _variants(gray):
        found = _read(variant)
        if found:
            return found
    return None


def lookup_codes(code: str) -> tuple[str, ...]:
    """The spellings a catalogue may hold for one code (UPC-A is EAN-13 with a leading zero)."""
    if len(code) == 12:
        return (code, "0" + code)
    if len(code) == 13 and code.startswith("0"):
        return (code, code[1:])
    return (code,)
