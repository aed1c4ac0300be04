"""Rank card and trophy case: real PNGs of phone size with the expected things in the expected places."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image

from bots.common.pictures.fonts import LOCKED, TIER_COLOURS
from bots.common.pictures.rank_card import BAR_BOX, CLIMB_BOX, EMBLEM_BOX, HEIGHT, STAT_TOP, WIDTH, rank_card
from bots.common.pictures.trophy_case import medal_centre, trophy_case
from core.rules.game_rules import GameRules
from core.rules.player import PlayerStats
from core.rules.ranks import next_division_rp, rank_of
from core.rules.trophies import catalogue
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


def test_trophy_case_colours_unlocked_medals_and_greys_locked_ones() -> None:
    image = _image(trophy_case(_status(100, unlocked=3)))
    rows = -(-len(catalogue(RULES)) // 4)
    assert image.size[0] == 1080 and image.size[1] > rows * 280
    rims = [image.getpixel((medal_centre(n)[0] - 50, medal_centre(n)[1])) for n in range(len(catalogue(RULES)))]
    assert rims[:3] == [TIER_COLOURS[2]] * 3
    assert rims[3:] == [LOCKED] * (len(rims) - 3)
