"""Fonts for pictures: DejaVu Sans from Debian's fonts-dejavu-core when installed, else Pillow's scalable default."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

DEJAVU_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _dejavu(bold: bool) -> Path | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in DEJAVU_DIRS:
        if (folder / name).is_file():
            return folder / name
    return None


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> Font:
    """A font of ``size`` pixels: DejaVu Sans (bold if asked) or Pillow's built-in scalable font."""
    path = _dejavu(bold)
    if path is not None:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


TIER_COLOURS = (
    (205, 127, 50),  # Bronze
    (200, 205, 215),  # Silver
    (255, 200, 40),  # Gold
    (70, 205, 200),  # Platinum
    (110, 165, 255),  # Diamond
    (185, 95, 235),  # Master
    (255, 85, 95),  # Legend
)
BACKGROUND = (22, 27, 44)
PANEL = (36, 43, 66)
TEXT = (240, 242, 250)
MUTED = (150, 158, 185)
LOCKED = (70, 76, 96)
