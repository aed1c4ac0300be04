"""Ports of the gamification feature: its repository and the unit of work that carries it."""

from __future__ import annotations

from datetime import date
from types import TracebackType
from typing import Protocol, Self

from core.events.game import RankChanged, TrophyUnlocked
from core.model import UserId
from core.ports.data import UserRepository
from core.rules.leagues import Placement
from core.rules.player import DayOutcome, DayTally, PlayerStats


class GamificationRepository(Protocol):
    """Day results, stats, rank history and trophies, plus the set-based close-out."""

    async def stats(self, user_id: UserId) -> PlayerStats | None: ...

    async def tally(self, user_id: UserId, day: date) -> DayTally: ...

    async def save_outcome(self, user_id: UserId, outcome: DayOutcome) -> bool:
        """Store a closed day and the stats after it; False (and nothing stored) when the day was closed already."""
        ...

    async def unlocked(self, user_id: UserId) -> dict[str, date]: ...

    async def unlock(self, user_id: UserId, codes: list[str], day: date) -> list[str]:
        """Store the trophies not held yet; returns the codes actually added."""
        ...

    async def rp_history(self, user_id: UserId, limit: int) -> list[tuple[date, int]]: ...


class BulkCloser(Protocol):
    """The set-based close-out: many users at once, exactly once per (user, day), resumable after a crash."""

    async def close_out(self, day: date, zones: list[str] | None) -> tuple[int, int, int]:
        """Close ``day`` for every playing user in ``zones`` (None: all); (users closed, trophies, rank changes)."""
        ...

    async def resume(self) -> int: ...

    async def events_of_day(self, day: date, zones: list[str] | None) -> list[TrophyUnlocked | RankChanged]: ...

    async def user_zones(self) -> list[str]: ...


class LeagueRepository(Protocol):
    """League placement of group members and the kept week results."""

    async def leagues(self, group_id: int, user_ids: list[UserId]) -> dict[UserId, int]: ...

    async def ensure_member(self, group_id: int, user_id: UserId) -> None: ...

    async def week_rp(self, user_ids: list[UserId], start: date, end: date) -> dict[UserId, tuple[int, int]]:
        """RP earned from ``start`` to ``end`` (inclusive) and the RP total, per user."""
        ...

    async def streaks(self, user_ids: list[UserId]) -> dict[UserId, int]:
        """Each user's current streak (0 for users who never closed a day)."""
        ...

    async def save_week(self, group_id: int, week_start: date, league: int, placements: list[Placement]) -> bool:
        """Keep the week's placements and move members; False when that week was ended already."""
        ...

    async def count_league(self, user_id: UserId, promoted: bool, podium: bool) -> None: ...

    async def week_results(self, group_id: int, week_start: date) -> list[tuple[int, Placement]]: ...


class GameUnitOfWork(Protocol):
    """One transaction over users, the game and the leagues (groups live in :class:`core.ports.GroupStore`)."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def game(self) -> GamificationRepository: ...

    @property
    def leagues(self) -> LeagueRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    async def commit(self) -> None: ...
