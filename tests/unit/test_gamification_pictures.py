"""Rank card and trophy case: real PNGs of phone size with the expected things in the expected places.

No exact pixels (fonts and CPUs differ): sizes, colour counts, mean saturation, and the texts the trophy case
reports drawing through its ``on_text`` hook.
"""

from __future__ import annotations

import io
from datetime import date
from itertools import combinations

import pytest
from PIL import Image, ImageDraw, ImageStat

from bots.common.pictures.badges import draw_badge, medal_colour
from bots.common.pictures.fonts import TIER_COLOURS
from bots.common.pictures.icons import ICONS
from bots.common.pictures.rank_card import BAR_BOX, CLIMB_BOX, EMBLEM_BOX, HEIGHT, STAT_TOP, WIDTH, rank_card
from bots.common.pictures.trophy_case import medal_box, trophy_case
from core.rules.game_rules import GameRules
from core.rules.player import PlayerStats
from core.rules.ranks import next_division_rp, rank_of
from core.rules.trophies import Trophy, catalogue
from core.services.game_status import GameStatus

RULES = GameRules()
PNG = b"\x89PNG\r\n\x1a\n"


def _status(rp: int, streak: int = 12, unlocked: int = 5, history: int = 10) -> GameStatus:
    stats = PlayerStats(streak=streak, best_streak=30, freezes=1, rp=rp)
    trophies = tuple((t, date(2026, 3, 2) if n < unlocked else None) for n, t in enumerate(catalogue(RULES)))
    climb = tuple((date(2026, 3, 1 + n), rp - 10 * (history - n)) for n in range(history))
    return GameStatus("Ana", stats, rank_of(rp, RULES), next_division_rp(rp, RULES), trophies, climb)


def _image(data: bytes) -> Image.Image:
    assert data.startswith(PNG)
    return Image.open(io.BytesIO(data)).convert("RGB")


def _count(image: Image.Image, box: tuple[int, int, int, int], colour: tuple[int, int, int]) -> int:
    colours = image.crop(box).getcolors(maxcolors=1 << 24) or []
    return sum(count for count, found in colours if found == colour)


def test_rank_card_is_a_phone_sized_png_with_the_tier_emblem() -> None:
    gold = _image(rank_card(_status(734), RULES))
    assert gold.size == (WIDTH, HEIGHT) and WIDTH >= 1000
    area = (EMBLEM_BOX[2] - EMBLEM_BOX[0]) * (EMBLEM_BOX[3] - EMBLEM_BOX[1])
    assert _count(gold, EMBLEM_BOX, TIER_COLOURS[2]) > area * 0.4
    legend = _image(rank_card(_status(2500), RULES))
    assert _count(legend, EMBLEM_BOX, TIER_COLOURS[6]) > area * 0.4
    assert _count(legend, EMBLEM_BOX, TIER_COLOURS[2]) == 0


def test_rp_bar_fill_follows_progress_to_the_next_division() -> None:
    left, top, right, bottom = BAR_BOX
    row = (left, (top + bottom) // 2, right, (top + bottom) // 2 + 1)
    for rp, share in ((610, 0.10), (650, 0.5), (690, 0.9), (2000, 1.0)):
        image = _image(rank_card(_status(rp), RULES))
        colour = TIER_COLOURS[rank_of(rp, RULES).tier.value]
        assert abs(_count(image, row, colour) - share * (right - left)) <= 3, rp


def test_stat_boxes_show_the_numbers() -> None:
    few = _image(rank_card(_status(500, streak=1), RULES))
    many = _image(rank_card(_status(500, streak=888), RULES))
    streak_box = (60, STAT_TOP + 40, 280, STAT_TOP + 200)
    assert _count(many, streak_box, (240, 242, 250)) > 2 * _count(few, streak_box, (240, 242, 250)) > 0


def test_climb_is_drawn_only_with_history() -> None:
    colour = TIER_COLOURS[1]
    drawn = _image(rank_card(_status(450, history=20), RULES))
    empty = _image(rank_card(_status(450, history=0), RULES))
    assert _count(drawn, CLIMB_BOX, colour) > 500
    assert _count(empty, CLIMB_BOX, colour) == 0


def _saturation(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """Mean HSV saturation (0-255) of the disc inscribed in ``box`` (the medal, not the panel around it)."""
    crop = image.crop(box)
    disc = Image.new("L", crop.size, 0)
    ImageDraw.Draw(disc).ellipse((4, 4, crop.width - 5, crop.height - 5), fill=255)
    return float(ImageStat.Stat(crop.convert("HSV"), disc).mean[1])


def test_trophy_case_colours_unlocked_badges_and_greys_locked_ones() -> None:
    trophies = catalogue(RULES)
    image = _image(trophy_case(_status(100, unlocked=14)))
    rows = -(-len(trophies) // 4)
    assert image.size[0] == 1080 and image.size[1] > rows * 280
    unlocked = [_saturation(image, medal_box(n)) for n in range(14)]
    locked = [_saturation(image, medal_box(n)) for n in range(14, len(trophies))]
    assert max(locked) < 4 and min(unlocked) > max(locked) + 10, (unlocked, locked)  # silver is a pale colour
    assert sum(unlocked) / len(unlocked) > 100 > 10 * sum(locked) / len(locked)


def _ink_mask(trophy: Trophy) -> list[bool]:
    """Which pixels of an unlocked badge's medal are far from its colour: the icon and the number."""
    badge = draw_badge(trophy, "en", True, 66).image
    colour = medal_colour(trophy)
    mask = []
    for red, green, blue, alpha in badge.getdata():  # type: ignore[attr-defined]
        far = abs(red - colour[0]) + abs(green - colour[1]) + abs(blue - colour[2]) > 120
        mask.append(bool(alpha == 255 and far))
    return mask


def test_every_family_has_its_own_drawn_icon() -> None:
    families = {trophy.metric: trophy for trophy in catalogue(RULES)}
    assert set(families) <= set(ICONS), "a trophy family without an icon"
    masks = {metric: _ink_mask(trophy) for metric, trophy in families.items()}
    size = len(next(iter(masks.values())))
    for metric, mask in masks.items():
        assert 0.03 * size < sum(mask) < 0.5 * size, metric  # an icon is drawn, not a blank or a filled disc
    for (one, a), (two, b) in combinations(masks.items(), 2):
        differ = sum(x != y for x, y in zip(a, b, strict=True))
        assert differ > 0.02 * size, (one, two)


@pytest.mark.parametrize(("lang", "thousand"), [("en", "1,000"), ("fr", "1\u202f000")])
def test_badges_show_their_threshold_as_a_number_inside_the_medal(lang: str, thousand: str) -> None:
    drawn: list[tuple[str, str, tuple[int, int, int, int]]] = []
    trophy_case(_status(100, unlocked=5), lang, on_text=lambda code, text, box: drawn.append((code, text, box)))
    for index, trophy in enumerate(catalogue(RULES)):
        left, top, right, bottom = medal_box(index)
        inside = [text for code, text, (x0, y0, x1, y1) in drawn
                  if code == trophy.code and left <= x0 < x1 <= right and top <= y0 < y1 <= bottom]  # fmt: skip
        if trophy.threshold > 1 or trophy.metric == "weight_lost_kg":
            assert len(inside) == 1, (trophy.code, inside)
            digits = inside[0].replace(",", "").replace("\u202f", "")
            assert digits.isdigit() and int(digits) == trophy.threshold, (trophy.code, inside)
        else:
            assert inside == [], trophy.code  # "First bite" needs no 1: its icon says it
    assert any(text == thousand for _, text, _ in drawn)
    assert not any(text.isalpha() and len(text) == 1 for _, text, _ in drawn)  # no placeholder letters any more
