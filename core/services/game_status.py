"""Use case: a user's streak, rank, trophies and recent RP, for /streak, /rank and /trophies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.errors import InvalidValue
from core.model import UserId
from core.ports import GameUnitOfWork
from core.rules.game_rules import GameRules
from core.rules.player import PlayerStats
from core.rules.ranks import Rank, next_division_rp, rank_of
from core.rules.trophies import Trophy, catalogue
from core.text import N_


@dataclass(frozen=True, slots=True)
class GameStatus:
    """Everything the game shows about one user."""

    display_name: str
    stats: PlayerStats
    rank: Rank
    next_division_rp: int | None
    trophies: tuple[tuple[Trophy, date | None], ...]
    """Every trophy of the catalogue with its unlock day (None while locked)."""
    history: tuple[tuple[date, int], ...]

    @property
    def unlocked_count(self) -> int:
        """How many trophies are unlocked."""
        return sum(1 for _, day in self.trophies if day is not None)


async def game_status(uow: GameUnitOfWork, user_id: UserId, rules: GameRules, history_days: int = 30) -> GameStatus:
    """The user's game state (all zeros before their first closed day)."""
    async with uow:
        user = await uow.users.get(user_id)
        if user is None:
            raise InvalidValue("user", N_("I don't know you yet: send /start first."))
        stats = await uow.game.stats(user_id) or PlayerStats()
        unlocked = await uow.game.unlocked(user_id)
        history = await uow.game.rp_history(user_id, history_days)
    trophies = tuple((t, unlocked.get(t.code)) for t in catalogue(rules))
    return GameStatus(
        user.display_name, stats, rank_of(stats.rp, rules), next_division_rp(stats.rp, rules), trophies, tuple(history)
    )
