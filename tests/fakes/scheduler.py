"""In-memory fakes of the ports the scheduler jobs use: bulk closer, outbox, drain leases, due messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from core.events import RankChanged, TrophyUnlocked
from core.model.group import ChatGroup
from core.model.outbox import NewMessage, OutboxMessage


class MemoryBulkCloser:
    """Remembers every (day, zones) close-out; reports one closed day per zone."""

    def __init__(self, zones: list[str]) -> None:
        self.zones = zones
        self.closed: list[tuple[date, tuple[str, ...]]] = []

    async def close_out(self, day: date, zones: list[str] | None) -> tuple[int, int, int]:
        done = tuple(self.zones if zones is None else zones)
        self.closed.append((day, done))
        return len(done), 0, 0

    async def resume(self) -> int:
        return 0

    async def events_of_day(self, day: date, zones: list[str] | None) -> list[TrophyUnlocked | RankChanged]:
        return []

    async def user_zones(self) -> list[str]:
        return list(self.zones)


class MemoryOutbox:
    """Messages by dedup key; a claim takes due, unclaimed messages of the given platforms."""

    def __init__(self) -> None:
        self.messages: dict[str, tuple[NewMessage, OutboxMessage]] = {}
        self.state: dict[int, str] = {}

    async def enqueue(self, messages: Sequence[NewMessage]) -> int:
        new = 0
        for m in messages:
            if m.dedup_key not in self.messages:
                out = OutboxMessage(len(self.messages) + 1, m.dedup_key, m.kind, m.platform, m.chat_id, m.language)
                self.messages[m.dedup_key] = (m, out)
                self.state[out.id] = "pending"
                new += 1
        return new

    async def claim(
        self, worker: str, now: datetime, limit: int, platforms: Sequence[str] | None = None
    ) -> list[OutboxMessage]:
        due = [
            out
            for new, out in self.messages.values()
            if self.state[out.id] == "pending" and new.not_before <= now
            and (platforms is None or out.platform in platforms)
        ][:limit]  # fmt: skip
        for out in due:
            self.state[out.id] = f"claimed:{worker}"
        return due

    async def mark_sent(self, message_id: int, worker: str, now: datetime) -> None:
        self.state[message_id] = "sent"

    async def mark_retry(self, message_id: int, worker: str, not_before: datetime, error: str) -> None:
        self.state[message_id] = "pending"

    async def mark_failed(self, message_id: int, worker: str, error: str) -> None:
        self.state[message_id] = "failed"


class MemoryLease:
    """A lease that stays alive until released."""

    def __init__(self, owner: MemoryLeases, platform: str) -> None:
        self.owner, self.platform = owner, platform

    async def alive(self) -> bool:
        return self.platform in self.owner.held

    async def release(self) -> None:
        self.owner.held.discard(self.platform)


class MemoryLeases:
    """Drain leases; platforms in ``busy`` are held by another process."""

    def __init__(self, busy: set[str] | None = None) -> None:
        self.busy = busy or set()
        self.held: set[str] = set()

    async def acquire(self, platform: str) -> MemoryLease | None:
        if platform in self.busy or platform in self.held:
            return None
        self.held.add(platform)
        return MemoryLease(self, platform)


class MemoryDueMessages:
    """Enqueues one ``due:<platform>:<time>`` message per platform per call; ``ending`` are the league weeks."""

    def __init__(self, outbox: MemoryOutbox, ending: list[tuple[ChatGroup, date]] | None = None) -> None:
        self.outbox = outbox
        self.ending = ending or []
        self.calls: list[tuple[datetime, list[str]]] = []

    async def enqueue_due(self, now: datetime, platforms: list[str]) -> int:
        self.calls.append((now, list(platforms)))
        messages = [NewMessage(f"due:{p}:{now.isoformat()}", "reminder", p, "1", "en", now) for p in platforms]
        return await self.outbox.enqueue(messages)

    async def groups_ending_week(self, now: datetime) -> list[tuple[ChatGroup, date]]:
        return [(group, week) for group, week in self.ending if week.weekday() == 0]
