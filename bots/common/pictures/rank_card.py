"""The rank card: tier emblem with division, RP bar to the next division, streak, freezes, best streak, trophies."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from bots.common.game_names import rank_title
from bots.common.i18n import t
from bots.common.pictures.fonts import BACKGROUND, MUTED, PANEL, TEXT, TIER_COLOURS, font
from core.rules.game_rules import GameRules
from core.rules.ranks import rank_of, step_floor
from core.services.game_status import GameStatus

WIDTH, HEIGHT = 1080, 1340
CLIMB_BOX = (60, 1060, 1020, 1290)
EMBLEM_BOX = (60, 60, 360, 400)
BAR_BOX = (60, 520, 1020, 590)
STAT_TOP = 700


def _emblem(draw: ImageDraw.ImageDraw, colour: tuple[int, int, int], label: str) -> None:
    left, top, right, bottom = EMBLEM_BOX
    mid = (left + right) // 2
    shield = [(left, top), (right, top), (right, top + 200), (mid, bottom), (left, top + 200)]
    draw.polygon(shield, fill=colour, outline=TEXT, width=6)
    size = 120 if len(label) <= 3 else 64
    draw.text((mid, top + 150), label, font=font(size, bold=True), fill=BACKGROUND, anchor="mm")


def _bar(draw: ImageDraw.ImageDraw, share: float, colour: tuple[int, int, int]) -> None:
    left, top, right, bottom = BAR_BOX
    draw.rounded_rectangle(BAR_BOX, radius=20, fill=PANEL)
    filled = left + round((right - left) * max(0.0, min(share, 1.0)))
    if filled > left:
        draw.rounded_rectangle((left, top, max(filled, left + 40), bottom), radius=20, fill=colour)


def _stat(draw: ImageDraw.ImageDraw, x: int, value: str, label: str) -> None:
    draw.rounded_rectangle((x, STAT_TOP, x + 220, STAT_TOP + 300), radius=24, fill=PANEL)
    draw.text((x + 110, STAT_TOP + 120), value, font=font(96, bold=True), fill=TEXT, anchor="mm")
    draw.text((x + 110, STAT_TOP + 240), label, font=font(36), fill=MUTED, anchor="mm")


def _climb(
    draw: ImageDraw.ImageDraw, history: tuple[tuple[object, int], ...], colour: tuple[int, int, int], lang: str
) -> None:
    left, top, right, bottom = CLIMB_BOX
    draw.rounded_rectangle(CLIMB_BOX, radius=24, fill=PANEL)
    draw.text((left + 30, top + 20), t(lang, "RP climb"), font=font(36), fill=MUTED)
    values = [rp for _, rp in history]
    if len(values) < 2:
        empty = t(lang, "Your climb starts after your first closed day")
        draw.text(((left + right) // 2, top + 140), empty, font=font(34), fill=MUTED, anchor="mm")
        return
    low, high = min(values), max(values)
    span = max(high - low, 1)
    x0, x1, y0, y1 = left + 40, right - 40, top + 80, bottom - 30
    points = [(x0 + (x1 - x0) * n / (len(values) - 1), y1 - (y1 - y0) * (v - low) / span) for n, v in enumerate(values)]
    draw.line(points, fill=colour, width=8, joint="curve")


def rank_card(status: GameStatus, rules: GameRules, lang: str = "en") -> bytes:
    """The PNG rank card of a user's status."""
    rank = rank_of(status.stats.rp, rules)
    colour = TIER_COLOURS[rank.tier.value]
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    _emblem(draw, colour, rank.division or "★")
    draw.text((420, 90), status.display_name[:18], font=font(52), fill=MUTED)
    draw.text((420, 160), rank_title(lang, rank), font=font(110, bold=True), fill=colour)
    draw.text((420, 310), f"{status.stats.rp} RP", font=font(72, bold=True), fill=TEXT)
    floor = step_floor(rank.step, rules)
    if status.next_division_rp is None:
        share, caption = 1.0, t(lang, "Top of the ladder")
    else:
        share = (status.stats.rp - floor) / (status.next_division_rp - floor)
        nxt = rank_title(lang, rank_of(status.next_division_rp, rules))
        caption = t(
            lang, "{done} / {size} RP to {rank}", done=status.stats.rp - floor,
            size=status.next_division_rp - floor, rank=nxt,
        )  # fmt: skip
    _bar(draw, share, colour)
    draw.text((60, 620), caption, font=font(44), fill=TEXT)
    stats = status.stats
    for n, (value, label) in enumerate(
        ((stats.streak, t(lang, "streak")), (stats.freezes, t(lang, "freezes")), (stats.best_streak, t(lang, "best")),
         (status.unlocked_count, t(lang, "trophies")))
    ):  # fmt: skip
        _stat(draw, 60 + n * 247, str(value), label)
    _climb(draw, status.history, colour, lang)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
