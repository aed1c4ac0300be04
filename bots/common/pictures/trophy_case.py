"""The trophy case: every trophy as a medal, coloured with its date when unlocked, grey while locked."""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw

from bots.common.game_text import trophy_title
from bots.common.i18n import t
from bots.common.pictures.fonts import BACKGROUND, LOCKED, MUTED, PANEL, TEXT, TIER_COLOURS, font
from core.services.game_status import GameStatus

WIDTH = 1080
COLUMNS = 4
CELL_W, CELL_H, GAP = 243, 300, 12
HEADER = 170
MARGIN = 36
MEDAL_R = 62
GOLD = TIER_COLOURS[2]


def cell_origin(index: int) -> tuple[int, int]:
    """Top-left corner of the cell of the ``index``-th trophy."""
    return MARGIN + (index % COLUMNS) * (CELL_W + GAP), HEADER + (index // COLUMNS) * (CELL_H + GAP)


def medal_centre(index: int) -> tuple[int, int]:
    """Centre of the medal of the ``index``-th trophy (tests look at its colour)."""
    x, y = cell_origin(index)
    return x + CELL_W // 2, y + 20 + MEDAL_R


def badge(name: str) -> str:
    """What the medal shows: the leading number of names like "30-day streak", else the first letter."""
    head = name.split("-")[0].split()[0]
    return head if head.isdigit() else name[:1].upper()


def trophy_case(status: GameStatus, lang: str = "en") -> bytes:
    """The PNG trophy case of a user's status."""
    rows = -(-len(status.trophies) // COLUMNS)
    height = HEADER + rows * (CELL_H + GAP) + MARGIN
    image = Image.new("RGB", (WIDTH, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    title = t(lang, "Trophies {count} / {total}", count=status.unlocked_count, total=len(status.trophies))
    draw.text((MARGIN, 50), title, font=font(72, bold=True), fill=TEXT)
    for index, (trophy, day) in enumerate(status.trophies):
        x, y = cell_origin(index)
        draw.rounded_rectangle((x, y, x + CELL_W, y + CELL_H), radius=20, fill=PANEL)
        cx, cy = medal_centre(index)
        colour = GOLD if day else LOCKED
        draw.ellipse((cx - MEDAL_R, cy - MEDAL_R, cx + MEDAL_R, cy + MEDAL_R), fill=colour)
        name = trophy_title(lang, trophy)
        glyph = badge(name)
        draw.text((cx, cy), glyph, font=font(64 if len(glyph) < 3 else 48, bold=True), fill=BACKGROUND, anchor="mm")
        for n, line in enumerate(textwrap.wrap(name, 12)[:2]):
            draw.text((cx, y + 185 + n * 38), line, font=font(30, bold=True), fill=TEXT if day else MUTED, anchor="mm")
        if day:
            draw.text((cx, y + 270), day.strftime("%d %b %Y"), font=font(26), fill=MUTED, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
