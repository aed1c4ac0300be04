"""Trophy family icons drawn with Pillow primitives, centred on (cx, cy) within a square of half-size ``s``.

Each icon is a function ``(draw, cx, cy, s, ink, paper)``: ``ink`` is the icon's colour, ``paper`` the medal
behind it (for cut-outs). :data:`ICONS` maps a trophy metric (its family) to its icon.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import ImageDraw

Colour = tuple[int, int, int]
Icon = Callable[[ImageDraw.ImageDraw, float, float, float, Colour, Colour], None]


def _teardrop(cx: float, cy: float, w: float, h: float) -> list[tuple[float, float]]:
    """A drop pointing up: round below, a point on top (x = sin t · sin(t/2), y = −cos t)."""
    steps = 48
    return [(cx + w * math.sin(t) * math.sin(t / 2), cy - h * math.cos(t)) for t in (2 * math.pi * n / steps
            for n in range(steps))]  # fmt: skip


def flame(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A flame with a cut-out tongue (streaks)."""
    draw.polygon(_teardrop(cx, cy, s * 0.75, s * 0.95), fill=ink)
    draw.polygon(_teardrop(cx, cy + s * 0.45, s * 0.3, s * 0.45), fill=paper)


def plate(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A plate between a fork and a knife (meals)."""
    r = s * 0.55
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink, width=max(2, round(s * 0.12)))
    draw.ellipse(
        (cx - r * 0.55, cy - r * 0.55, cx + r * 0.55, cy + r * 0.55), outline=ink, width=max(1, round(s * 0.06))
    )
    w = s * 0.07
    fx = cx - s * 0.85
    draw.rectangle((fx - w, cy - s * 0.15, fx + w, cy + s * 0.8), fill=ink)
    for dx in (-2.2, 0.0, 2.2):
        draw.rectangle((fx + dx * w - w * 0.6, cy - s * 0.8, fx + dx * w + w * 0.6, cy - s * 0.15), fill=ink)
    draw.rectangle((fx - w * 2.8, cy - s * 0.25, fx + w * 2.8, cy - s * 0.1), fill=ink)
    kx = cx + s * 0.85
    draw.rounded_rectangle((kx - w * 1.6, cy - s * 0.8, kx + w * 1.2, cy + s * 0.1), radius=w * 1.4, fill=ink)
    draw.rectangle((kx - w, cy, kx + w, cy + s * 0.8), fill=ink)


def camera(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A camera body with its lens (photos)."""
    draw.rounded_rectangle((cx - s * 0.3, cy - s * 0.75, cx + s * 0.3, cy - s * 0.4), radius=s * 0.08, fill=ink)
    draw.rounded_rectangle((cx - s * 0.9, cy - s * 0.5, cx + s * 0.9, cy + s * 0.7), radius=s * 0.18, fill=ink)
    for r, colour in ((0.45, paper), (0.3, ink), (0.12, paper)):
        draw.ellipse((cx - s * r, cy + s * 0.1 - s * r, cx + s * r, cy + s * 0.1 + s * r), fill=colour)


def microphone(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A microphone on its stand (voice notes)."""
    w = s * 0.32
    draw.rounded_rectangle((cx - w, cy - s * 0.9, cx + w, cy + s * 0.25), radius=w, fill=ink)
    line = max(2, round(s * 0.1))
    draw.arc((cx - s * 0.55, cy - s * 0.55, cx + s * 0.55, cy + s * 0.5), 0, 180, fill=ink, width=line)
    draw.line((cx, cy + s * 0.5, cx, cy + s * 0.8), fill=ink, width=line)
    draw.line((cx - s * 0.35, cy + s * 0.8, cx + s * 0.35, cy + s * 0.8), fill=ink, width=line)


def barcode(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """Bars of a barcode (barcode scans)."""
    x = cx - s * 0.85
    for width in (2, 1, 1, 3, 1, 2, 1, 1, 3, 2, 1):
        draw.rectangle((x, cy - s * 0.65, x + s * 0.05 * width, cy + s * 0.65), fill=ink)
        x += s * 0.05 * width + s * 0.07


def check(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A tick (won days)."""
    points = [(cx - s * 0.75, cy), (cx - s * 0.2, cy + s * 0.55), (cx + s * 0.8, cy - s * 0.6)]
    draw.line(points, fill=ink, width=max(3, round(s * 0.28)), joint="curve")


def star(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A five-pointed star (perfect weeks)."""
    points = []
    for n in range(10):
        r = s * (0.95 if n % 2 == 0 else 0.4)
        angle = -math.pi / 2 + n * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + s * 0.08 + r * math.sin(angle)))
    draw.polygon(points, fill=ink)


def rising(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A line that dips then climbs to an arrow head (comebacks)."""
    line = max(3, round(s * 0.2))
    points = [
        (cx - s * 0.85, cy - s * 0.2),
        (cx - s * 0.35, cy + s * 0.5),
        (cx + s * 0.1, cy),
        (cx + s * 0.55, cy - s * 0.45),
    ]
    draw.line(points, fill=ink, width=line, joint="curve")
    tip = (cx + s * 0.85, cy - s * 0.75)
    draw.polygon([tip, (cx + s * 0.25, cy - s * 0.6), (cx + s * 0.7, cy - s * 0.15)], fill=ink)


def snowflake(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """Six arms with side branches (freezes)."""
    line = max(2, round(s * 0.12))
    for n in range(6):
        a = math.pi / 2 + n * math.pi / 3
        end = (cx + s * 0.9 * math.cos(a), cy - s * 0.9 * math.sin(a))
        draw.line((cx, cy, *end), fill=ink, width=line)
        for side in (-1, 1):
            mid = (cx + s * 0.55 * math.cos(a), cy - s * 0.55 * math.sin(a))
            b = a + side * math.pi / 4
            draw.line((*mid, mid[0] + s * 0.3 * math.cos(b), mid[1] - s * 0.3 * math.sin(b)), fill=ink, width=line)


def crown(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A crown with three points (rank tiers)."""
    base, top = cy + s * 0.55, cy - s * 0.6
    draw.polygon([(cx - s * 0.9, base), (cx - s * 0.9, top), (cx - s * 0.45, cy), (cx, top - s * 0.15),
                  (cx + s * 0.45, cy), (cx + s * 0.9, top), (cx + s * 0.9, base)], fill=ink)  # fmt: skip
    r = s * 0.13
    for x, y in ((cx - s * 0.9, top), (cx, top - s * 0.15), (cx + s * 0.9, top)):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=ink)
    draw.rectangle((cx - s * 0.9, base + s * 0.1, cx + s * 0.9, base + s * 0.3), fill=ink)


def scale(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A bathroom scale with its dial and needle (weight)."""
    draw.rounded_rectangle((cx - s * 0.85, cy - s * 0.8, cx + s * 0.85, cy + s * 0.8), radius=s * 0.25, fill=ink)
    draw.pieslice((cx - s * 0.55, cy - s * 0.55, cx + s * 0.55, cy + s * 0.55), 180, 360, fill=paper)
    draw.line((cx, cy, cx + s * 0.25, cy - s * 0.4), fill=ink, width=max(2, round(s * 0.1)))


def heart(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A heart (a healthier BMI category)."""
    r = s * 0.45
    for x in (cx - r * 0.95, cx + r * 0.95):
        draw.ellipse((x - r, cy - s * 0.75, x + r, cy - s * 0.75 + 2 * r), fill=ink)
    draw.polygon([(cx - s * 0.88, cy - s * 0.15), (cx + s * 0.88, cy - s * 0.15), (cx, cy + s * 0.85)], fill=ink)


def chevrons(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """Two chevrons pointing up (league promotions)."""
    line = max(3, round(s * 0.24))
    for dy in (-0.45, 0.25):
        y = cy + s * dy
        draw.line([(cx - s * 0.75, y + s * 0.5), (cx, y - s * 0.2), (cx + s * 0.75, y + s * 0.5)], fill=ink,
                  width=line, joint="curve")  # fmt: skip


def podium(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float, ink: Colour, paper: Colour) -> None:
    """A three-step podium with a star over the top step (league podiums)."""
    bottom, w = cy + s * 0.85, s * 0.55
    for x, height in ((cx - w, 0.6), (cx, 1.0), (cx + w, 0.4)):
        draw.rectangle((x - w / 2 + 1, bottom - s * height, x + w / 2 - 1, bottom), fill=ink)
    star(draw, cx, cy - s * 0.55, s * 0.35, ink, paper)


ICONS: dict[str, Icon] = {
    "meals": plate,
    "photo_meals": camera,
    "voice_meals": microphone,
    "barcode_meals": barcode,
    "won_days": check,
    "best_streak": flame,
    "perfect_weeks": star,
    "comebacks": rising,
    "freezes_used": snowflake,
    "best_rp": crown,
    "weight_lost_kg": scale,
    "bmi_steps_improved": heart,
    "league_promotions": chevrons,
    "league_podiums": podium,
}
"""The icon of each trophy family (a family is the metric its trophies count)."""
