"""Weekly group leagues: rank opted-in members by RP earned this week, move the top up and the bottom down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from core.model import UserId
from core.rules.game_rules import GameRules

LEAGUE_NAMES = ("Sprout", "Sapling", "Oak", "Redwood", "Sequoia", "Baobab", "Yggdrasil")


def league_name(index: int) -> str:
    """Display name of league ``index`` (0 = lowest)."""
    return LEAGUE_NAMES[index] if index < len(LEAGUE_NAMES) else f"League {index + 1}"


class Movement(StrEnum):
    """Where a member goes at the end of the week."""

    UP = "up"
    STAY = "stay"
    DOWN = "down"


@dataclass(frozen=True, slots=True)
class Standing:
    """A member's week in one league."""

    user_id: UserId
    week_rp: int
    total_rp: int = 0


@dataclass(frozen=True, slots=True)
class Placement:
    """A member's final place (1 = first), movement and league for next week."""

    user_id: UserId
    place: int
    week_rp: int
    movement: Movement
    league_after: int


def ordered(standings: list[Standing]) -> list[Standing]:
    """Best first: most RP this week, then most RP overall, then the lower user id (deterministic)."""
    return sorted(standings, key=lambda s: (-s.week_rp, -s.total_rp, int(s.user_id)))


def movement_counts(members: int, rules: GameRules) -> tuple[int, int]:
    """How many move up and down in a league of ``members``.

    A share rounded down, at least one each once the league has ``league_min_members``; none below that.
    """
    if members < rules.league_min_members:
        return 0, 0
    up = int(members * rules.league_up_share) or (1 if rules.league_up_share > 0 else 0)
    down = int(members * rules.league_down_share) or (1 if rules.league_down_share > 0 else 0)
    while up + down > members - 1 and (up or down):
        if down >= up:
            down -= 1
        else:
            up -= 1
    return up, down


def end_week(league: int, standings: list[Standing], rules: GameRules) -> list[Placement]:
    """Placements of one league's week; the top league cannot move up and the bottom league cannot move down."""
    ranked = ordered(standings)
    up, down = movement_counts(len(ranked), rules)
    top = rules.league_count - 1
    out = []
    for place, standing in enumerate(ranked, start=1):
        move = Movement.STAY
        if place <= up and league < top:
            move = Movement.UP
        elif place > len(ranked) - down and league > 0:
            move = Movement.DOWN
        after = league + (1 if move is Movement.UP else -1 if move is Movement.DOWN else 0)
        out.append(Placement(standing.user_id, place, standing.week_rp, move, after))
    return out


def finished_week_start(closable_day: date) -> date:
    """Monday of the latest Monday–Sunday week whose every day is closable (the last closable day given)."""
    sunday = closable_day - timedelta(days=(closable_day.weekday() + 1) % 7)
    return sunday - timedelta(days=6)


def is_podium(place: int, members: int, rules: GameRules) -> bool:
    """Top three of a league big enough to move."""
    return place <= 3 and members >= rules.league_min_members
