"""The scheduler's jobs, each thin: ask core which zones are due, run the set-based storage step, drain.

Every job is idempotent (close-outs are unique per user and day, messages per dedup key, deliveries are
leased), so any number of scheduler processes may run them at the same moments.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from core.outbox_ports import DrainLeases, Transport
from core.ports import Clock
from core.rules.game_rules import GameRules
from core.rules.grace import zones_by_day
from core.services.drain_leased import drain_leased
from core.services.end_league_week import end_league_week
from storage.chat.groups import SqlGroupStore
from storage.engine import make_session_factory
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from storage.outbox.due import (
    enqueue_daily_results,
    enqueue_group_posts,
    enqueue_reminders,
    enqueue_weekly_summaries,
    groups_ending_week,
)
from storage.outbox.lease import drain_leases
from storage.outbox.repository import SqlOutbox

log = logging.getLogger(__name__)


@dataclass
class SchedulerJobs:
    """The jobs of one scheduler process; ``worker`` names it in outbox claims.

    ``leases`` decide which process sends for a platform (default: those of the engine's database);
    ``closeout_workers`` is how many connections a day close-out uses on PostgreSQL (default: one per core).
    """

    engine: AsyncEngine
    clock: Clock
    rules: GameRules
    transports: Mapping[str, Transport]
    worker: str
    lease_seconds: float = 120.0
    batch: int = 50
    catch_up_days: int = 2
    leases: DrainLeases | None = None
    closeout_workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    closer: SqlBulkCloser = field(init=False)
    outbox: SqlOutbox = field(init=False)
    _leases: DrainLeases = field(init=False)
    _closed: set[tuple[date, str]] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        # PostgreSQL closes user-id slices over one connection per core; SQLite uses one.
        self.closer = SqlBulkCloser(self.engine, self.rules, workers=self.closeout_workers)
        self.outbox = SqlOutbox(self.engine, self.lease_seconds)
        self._leases = self.leases or drain_leases(self.engine)

    @property
    def platforms(self) -> list[str]:
        """Platforms that can receive scheduled messages."""
        return sorted(self.transports)

    async def close_days(self, now: datetime | None = None) -> int:
        """Close every local day whose grace period has ended, in every zone; returns days closed.

        Each (day, zone) is closed once per process; the first run also catches up the days of a
        short outage (``catch_up_days``). The storage step is idempotent, so other processes may repeat it.
        """
        now = now or self.clock.now()
        closed = 0
        catch_up = self.catch_up_days if not self._closed else 0
        for latest, zones in sorted(zones_by_day(await self.closer.user_zones(), now, self.rules).items()):
            for back in range(catch_up, -1, -1):
                day = latest - timedelta(days=back)
                pending = [z for z in zones if (day, z) not in self._closed]
                if pending:
                    inserted, _, _ = await self.closer.close_out(day, pending)
                    closed += inserted
                    self._closed.update((day, z) for z in pending)
        return closed

    async def end_league_weeks(self, now: datetime | None = None) -> int:
        """End last week's leagues of every group whose Monday post time has come (idempotent)."""
        sessions = make_session_factory(self.engine)
        groups = SqlGroupStore(sessions)
        ended = 0
        for group, week_start in await groups_ending_week(self.engine, now or self.clock.now()):
            events = await end_league_week(SqlGameUnitOfWork(sessions), groups, group, week_start, self.rules)
            ended += bool(events)
        return ended

    async def enqueue_due(self, now: datetime | None = None) -> int:
        """Daily results, reminders, group posts and Monday summaries that became due; returns how many were new."""
        now = now or self.clock.now()
        await self.end_league_weeks(now)
        counts = [
            await enqueue_daily_results(self.engine, now, self.platforms),
            await enqueue_reminders(self.engine, now, self.platforms),
            await enqueue_group_posts(self.engine, now, self.platforms),
            await enqueue_weekly_summaries(self.engine, now, self.platforms),
        ]
        return sum(counts)

    async def tick(self, now: datetime | None = None) -> int:
        """Close days, then enqueue what is due (the 15-minute job)."""
        now = now or self.clock.now()
        await self.close_days(now)
        return await self.enqueue_due(now)

    async def drain(self, max_batches: int = 1000) -> Counter[str]:
        """Deliver due messages until none is left (or ``max_batches`` batches per platform).

        Only for the platforms whose drain lease this process gets: one sender per platform at a time.
        """
        return await drain_leased(
            self.outbox, self._leases, self.transports, self.clock, self.worker, self.batch, max_batches
        )
