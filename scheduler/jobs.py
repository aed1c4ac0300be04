"""The scheduler's jobs, each thin: ask core which zones are due, run the set-based storage step, drain.

Every job is idempotent (close-outs are unique per user and day, messages per dedup key, deliveries are
leased), so any number of scheduler processes may run them at the same moments.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from core.ports import BulkCloser, Clock, DrainLeases, DueMessages, GameUnitOfWork, GroupStore, Outbox, Transport
from core.rules.game_rules import GameRules
from core.rules.grace import zones_by_day
from core.services.drain_leased import drain_leased
from core.services.end_league_week import end_league_week

log = logging.getLogger(__name__)


@dataclass
class SchedulerJobs:
    """The jobs of one scheduler process, over the ports the composition root gives it.

    ``worker`` names the process in outbox claims; ``leases`` decide which process sends for a platform;
    ``game`` opens a unit of work for a league week. winstreak/bootstrap.py wires the SQL adapters
    (:func:`winstreak.bootstrap.sql_scheduler_jobs`); unit tests use in-memory fakes.
    """

    clock: Clock
    rules: GameRules
    transports: Mapping[str, Transport]
    worker: str
    closer: BulkCloser
    outbox: Outbox
    leases: DrainLeases
    due: DueMessages
    groups: GroupStore
    game: Callable[[], GameUnitOfWork]
    batch: int = 50
    catch_up_days: int = 2
    _closed: set[tuple[date, str]] = field(init=False, default_factory=set)

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
        ended = 0
        for group, week_start in await self.due.groups_ending_week(now or self.clock.now()):
            events = await end_league_week(self.game(), self.groups, group, week_start, self.rules)
            ended += bool(events)
        return ended

    async def enqueue_due(self, now: datetime | None = None) -> int:
        """Daily results, reminders, group posts and Monday summaries that became due; returns how many were new."""
        now = now or self.clock.now()
        await self.end_league_weeks(now)
        return await self.due.enqueue_due(now, self.platforms)

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
            self.outbox, self.leases, self.transports, self.clock, self.worker, self.batch, max_batches
        )
