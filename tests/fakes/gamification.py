"""In-memory gamification unit of work: users, stats, closed days, trophies and leagues; commit publishes."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Self

from core.model import UserId
from core.rules.leagues import Placement
from core.rules.player import DayOutcome, DayTally, PlayerStats
from tests.fakes.memory import MemoryStore, MemoryUsers


@dataclass
class GameStore:
    """The "database" the game fakes share; ``tallies`` stand in for logged meals."""

    base: MemoryStore = field(default_factory=MemoryStore)
    stats: dict[UserId, PlayerStats] = field(default_factory=dict)
    days: dict[tuple[UserId, date], DayOutcome] = field(default_factory=dict)
    trophies: dict[tuple[UserId, str], date] = field(default_factory=dict)
    tallies: dict[tuple[UserId, date], DayTally] = field(default_factory=dict)
    leagues: dict[tuple[int, UserId], int] = field(default_factory=dict)
    weeks: dict[tuple[int, date, UserId], tuple[int, Placement]] = field(default_factory=dict)


class MemoryGame:
    """GamificationRepository over a working copy."""

    def __init__(self, data: GameStore) -> None:
        self.data = data

    async def stats(self, user_id: UserId) -> PlayerStats | None:
        return self.data.stats.get(user_id)

    async def tally(self, user_id: UserId, day: date) -> DayTally:
        return self.data.tallies.get((user_id, day), DayTally())

    async def save_outcome(self, user_id: UserId, outcome: DayOutcome) -> bool:
        if (user_id, outcome.day) in self.data.days:
            return False
        self.data.days[(user_id, outcome.day)] = outcome
        self.data.stats[user_id] = outcome.stats
        return True

    async def unlocked(self, user_id: UserId) -> dict[str, date]:
        return {code: day for (user, code), day in self.data.trophies.items() if user == user_id}

    async def unlock(self, user_id: UserId, codes: list[str], day: date) -> list[str]:
        new = [code for code in dict.fromkeys(codes) if (user_id, code) not in self.data.trophies]
        self.data.trophies.update({(user_id, code): day for code in new})
        return new

    async def rp_history(self, user_id: UserId, limit: int) -> list[tuple[date, int]]:
        days = sorted((day, o.stats.rp) for (user, day), o in self.data.days.items() if user == user_id)
        return days[-limit:]


class MemoryLeagues:
    """LeagueRepository over a working copy (week RP comes from the stored closed days)."""

    def __init__(self, data: GameStore) -> None:
        self.data = data

    async def leagues(self, group_id: int, user_ids: list[UserId]) -> dict[UserId, int]:
        return {u: self.data.leagues.get((group_id, u), 0) for u in user_ids}

    async def ensure_member(self, group_id: int, user_id: UserId) -> None:
        self.data.leagues.setdefault((group_id, user_id), 0)

    async def week_rp(self, user_ids: list[UserId], start: date, end: date) -> dict[UserId, tuple[int, int]]:
        out = {}
        for user in user_ids:
            week = [o.rank.delta for (u, d), o in self.data.days.items() if u == user and start <= d <= end]
            out[user] = (sum(week), self.data.stats.get(user, PlayerStats()).rp)
        return out

    async def streaks(self, user_ids: list[UserId]) -> dict[UserId, int]:
        return {u: self.data.stats.get(u, PlayerStats()).streak for u in user_ids}

    async def save_week(self, group_id: int, week_start: date, league: int, placements: list[Placement]) -> bool:
        if any((group_id, week_start, p.user_id) in self.data.weeks for p in placements):
            return False
        for p in placements:
            self.data.weeks[(group_id, week_start, p.user_id)] = (league, p)
            self.data.leagues[(group_id, p.user_id)] = p.league_after
        return True

    async def count_league(self, user_id: UserId, promoted: bool, podium: bool) -> None:
        stats = self.data.stats.get(user_id, PlayerStats())
        self.data.stats[user_id] = dataclasses.replace(
            stats,
            league_promotions=stats.league_promotions + promoted,
            league_podiums=stats.league_podiums + podium,
        )

    async def week_results(self, group_id: int, week_start: date) -> list[tuple[int, Placement]]:
        found = [v for (g, w, _), v in self.data.weeks.items() if g == group_id and w == week_start]
        return sorted(found, key=lambda item: (-item[0], item[1].place))


class MemoryGameUnitOfWork:
    """Works on a deep copy; ``commit`` publishes it."""

    def __init__(self, store: GameStore) -> None:
        self.store = store
        self.commits = 0

    async def __aenter__(self) -> Self:
        self._work = copy.deepcopy(self.store)
        self.users = MemoryUsers(self._work.base)
        self.game = MemoryGame(self._work)
        self.leagues = MemoryLeagues(self._work)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        del self._work

    async def commit(self) -> None:
        self.commits += 1
        self.store.__dict__.update(copy.deepcopy(self._work).__dict__)
