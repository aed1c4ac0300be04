"""Gamification events: facts in the past tense that announcements and league posts hang off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.model import UserId
from core.rules.leagues import Placement
from core.rules.player import DayOutcome
from core.rules.ranks import Rank
from core.rules.trophies import Trophy


@dataclass(frozen=True, slots=True)
class DayClosed:
    """A user's day was closed with a result."""

    user_id: UserId
    outcome: DayOutcome


@dataclass(frozen=True, slots=True)
class RankChanged:
    """A closed day moved a user to another division."""

    user_id: UserId
    day: date
    before: Rank
    after: Rank

    @property
    def promoted(self) -> bool:
        """True when the move was upward."""
        return self.after.step > self.before.step


@dataclass(frozen=True, slots=True)
class TrophyUnlocked:
    """A user unlocked a trophy (once ever)."""

    user_id: UserId
    trophy: Trophy
    day: date


@dataclass(frozen=True, slots=True)
class LeagueWeekEnded:
    """A group's league week ended; ``placements`` per league, for posting."""

    group_id: int
    week_start: date
    placements: dict[int, list[Placement]]


@dataclass(frozen=True, slots=True)
class LeaguePromoted:
    """A member moved up a league."""

    group_id: int
    user_id: UserId
    league_after: int


@dataclass(frozen=True, slots=True)
class LeagueDemoted:
    """A member moved down a league."""

    group_id: int
    user_id: UserId
    league_after: int


@dataclass(frozen=True, slots=True)
class DaysClosedInBulk:
    """A set-based close-out finished: how many users it closed and how many trophies and rank changes it made."""

    day: date
    users: int
    trophies: int
    rank_changes: int
