"""The trophy case: each trophy a drawn badge (family icon, threshold number), in colour once unlocked, else grey.

``on_text`` (optional) is told every text drawn with its box in picture pixels, so tests can check what the
picture says without reading pixels.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable

from PIL import Image, ImageDraw

from bots.common.game_text import trophy_title
from bots.common.i18n import t
from bots.common.pictures.badges import draw_badge
from bots.common.pictures.fonts import BACKGROUND, MUTED, PANEL, TEXT, font
from bots.common.progress_labels import long_date
from core.services.game_status import GameStatus

WIDTH = 1080
COLUMNS = 4
CELL_W, CELL_H, GAP = 243, 300, 12
HEADER = 170
MARGIN = 36
MEDAL_R = 66
TextHook = Callable[[str, str, tuple[int, int, int, int]], None]
"""(trophy code or "" for the title, text, box) for every text drawn."""


def cell_origin(index: int) -> tuple[int, int]:
    """Top-left corner of the cell of the ``index``-th trophy."""
    return MARGIN + (index % COLUMNS) * (CELL_W + GAP), HEADER + (index // COLUMNS) * (CELL_H + GAP)


def medal_centre(index: int) -> tuple[int, int]:
    """Centre of the badge of the ``index``-th trophy."""
    x, y = cell_origin(index)
    return x + CELL_W // 2, y + 16 + MEDAL_R


def medal_box(index: int) -> tuple[int, int, int, int]:
    """The square the badge of the ``index``-th trophy fills."""
    cx, cy = medal_centre(index)
    return cx - MEDAL_R, cy - MEDAL_R, cx + MEDAL_R, cy + MEDAL_R


def trophy_case(status: GameStatus, lang: str = "en", *, on_text: TextHook | None = None) -> bytes:
    """The PNG trophy case of a user's status."""
    rows = -(-len(status.trophies) // COLUMNS)
    height = HEADER + rows * (CELL_H + GAP) + MARGIN
    image = Image.new("RGB", (WIDTH, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    told = on_text or (lambda _code, _text, _box: None)

    def write(code: str, xy: tuple[int, int], text: str, size: int, bold: bool, fill: tuple[int, int, int]) -> None:
        anchor = "la" if code == "" else "mm"
        draw.text(xy, text, font=font(size, bold=bold), fill=fill, anchor=anchor)
        left, top, right, bottom = draw.textbbox(xy, text, font=font(size, bold=bold), anchor=anchor)
        told(code, text, (round(left), round(top), round(right), round(bottom)))

    title = t(lang, "Trophies {count} / {total}", count=status.unlocked_count, total=len(status.trophies))
    write("", (MARGIN, 50), title, 72, True, TEXT)
    for index, (trophy, day) in enumerate(status.trophies):
        x, y = cell_origin(index)
        draw.rounded_rectangle((x, y, x + CELL_W, y + CELL_H), radius=20, fill=PANEL)
        badge = draw_badge(trophy, lang, day is not None, MEDAL_R)
        left, top, _, _ = medal_box(index)
        image.paste(badge.image, (left, top), badge.image)
        if badge.number is not None and badge.number_box is not None:
            bl, bt, br, bb = badge.number_box
            told(trophy.code, badge.number, (left + bl, top + bt, left + br, top + bb))
        cx = x + CELL_W // 2
        for n, line in enumerate(textwrap.wrap(trophy_title(lang, trophy), 12)[:2]):
            write(trophy.code, (cx, y + 190 + n * 36), line, 30, True, TEXT if day else MUTED)
        if day:
            write(trophy.code, (cx, y + 272), long_date(lang, day), 26, False, MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
