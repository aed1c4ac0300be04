"""A trophy badge: a medal in its family's colour with the family icon and the threshold number; locked ones grey.

Badges are drawn four times larger and reduced, so Pillow's hard-edged primitives come out smooth.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal
from PIL import Image, ImageDraw, ImageOps

from bots.common.pictures.fonts import BACKGROUND, TEXT, TIER_COLOURS, font
from bots.common.pictures.icons import ICONS, Colour, star
from core.rules.ranks import Tier
from core.rules.trophies import Trophy

SUPER = 4
FAMILY_COLOURS: dict[str, Colour] = {
    "meals": (67, 160, 71),
    "photo_meals": (30, 136, 229),
    "voice_meals": (142, 36, 170),
    "barcode_meals": (0, 137, 123),
    "won_days": (46, 125, 50),
    "best_streak": (245, 124, 0),
    "perfect_weeks": TIER_COLOURS[2],
    "comebacks": (216, 27, 96),
    "freezes_used": (3, 155, 229),
    "weight_lost_kg": (109, 76, 65),
    "bmi_steps_improved": (229, 57, 53),
    "league_promotions": (57, 73, 171),
    "league_podiums": (255, 179, 0),
}
"""The medal colour of each family (rank tiers take their tier's colour)."""


@dataclass(frozen=True, slots=True)
class Badge:
    """A drawn badge (RGBA, transparent outside the medal) and where its number sits, in badge pixels."""

    image: Image.Image
    number: str | None
    number_box: tuple[int, int, int, int] | None


def badge_number(lang: str, trophy: Trophy) -> str | None:
    """The number on the badge: the threshold when above 1, and always for weight (kg) — in the user's digits."""
    if trophy.threshold <= 1 and trophy.metric != "weight_lost_kg":
        return None
    return format_decimal(trophy.threshold, locale=lang if lang in ("en", "fr") else "en")


def medal_colour(trophy: Trophy) -> Colour:
    """The medal's colour: the tier's for rank trophies, else the family's."""
    if trophy.metric == "best_rp" and trophy.code.startswith("tier_"):
        return TIER_COLOURS[Tier[trophy.code.removeprefix("tier_").upper()].value]
    return FAMILY_COLOURS.get(trophy.metric, TIER_COLOURS[2])


def _ink(colour: Colour) -> Colour:
    """Dark ink on a light medal, white ink on a dark one."""
    return BACKGROUND if 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2] > 150 else (255, 255, 255)


def _shade(colour: Colour, factor: float) -> Colour:
    r, g, b = (max(0, min(255, round(c * factor))) for c in colour)
    return r, g, b


def draw_badge(trophy: Trophy, lang: str, unlocked: bool, radius: int) -> Badge:
    """The badge of ``trophy`` as a ``2·radius`` square; greyed and dimmed while locked."""
    big = radius * SUPER
    image = Image.new("RGBA", (2 * big, 2 * big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    colour = medal_colour(trophy)
    draw.ellipse((0, 0, 2 * big - 1, 2 * big - 1), fill=_shade(colour, 0.7))
    rim = round(big * 0.09)
    draw.ellipse((rim, rim, 2 * big - 1 - rim, 2 * big - 1 - rim), fill=colour)
    number = badge_number(lang, trophy)
    icon = ICONS.get(trophy.metric, star)
    icon(draw, big, big - (big * 0.2 if number else 0), big * (0.48 if number else 0.58), _ink(colour), colour)
    box = None
    if number:
        face = font(round(big * (0.42 if len(number) <= 3 else 0.32)), bold=True)
        left, top, right, bottom = draw.textbbox((big, round(big * 1.6)), number, font=face, anchor="mm")
        pad = round(big * 0.07)
        pill = (left - 2 * pad, top - pad, right + 2 * pad, bottom + pad)
        draw.rounded_rectangle(pill, radius=(bottom - top) // 2 + pad, fill=BACKGROUND, outline=TEXT, width=pad // 2)
        draw.text((big, round(big * 1.6)), number, font=face, fill=TEXT, anchor="mm")
        box = tuple(round(v / SUPER) for v in pill)
    small = image.resize((2 * radius, 2 * radius), Image.Resampling.LANCZOS)
    if not unlocked:
        alpha = small.getchannel("A")
        grey = ImageOps.grayscale(small.convert("RGB")).point(lambda v: round(50 + v * 0.4))
        small = Image.merge("RGBA", (grey, grey, grey, alpha))
    return Badge(small, number, box)  # type: ignore[arg-type]
