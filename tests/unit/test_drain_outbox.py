"""The drain use case with an in-memory outbox and a scripted transport (fakes of our own ports)."""

from collections.abc import Sequence
from datetime import UTC, datetime

from core.model.outbox import Delivery, DeliveryStatus, NewMessage, OutboxMessage
from core.rules.schedule import due_today
from core.services.drain_outbox import MAX_ATTEMPTS, backoff_seconds, drain_once
from tests.fakes.memory import FixedClock

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class MemoryOutbox:
    def __init__(self, messages: list[OutboxMessage]) -> None:
        self.waiting = list(messages)
        self.sent: list[int] = []
        self.retried: list[tuple[int, datetime]] = []
        self.failed: list[tuple[int, str]] = []

    async def enqueue(self, messages: Sequence[NewMessage]) -> int:
        raise AssertionError("not used")

    async def claim(
        self, worker: str, now: datetime, limit: int, platforms: Sequence[str] | None = None
    ) -> list[OutboxMessage]:
        assert platforms is None
        claimed, self.waiting = self.waiting[:limit], self.waiting[limit:]
        return claimed

    async def mark_sent(self, message_id: int, worker: str, now: datetime) -> None:
        self.sent.append(message_id)

    async def mark_retry(self, message_id: int, worker: str, not_before: datetime, error: str) -> None:
        self.retried.append((message_id, not_before))

    async def mark_failed(self, message_id: int, worker: str, error: str) -> None:
        self.failed.append((message_id, error))


class ScriptedTransport:
    def __init__(self, outcomes: dict[int, Delivery]) -> None:
        self.outcomes = outcomes
        self.seen: list[int] = []

    async def deliver(self, message: OutboxMessage) -> Delivery:
        self.seen.append(message.id)
        return self.outcomes.get(message.id, Delivery(DeliveryStatus.SENT))


def message(n: int, platform: str = "telegram", attempts: int = 1) -> OutboxMessage:
    return OutboxMessage(n, f"k{n}", "reminder", platform, str(n), "en", attempts=attempts)


async def test_outcomes_are_recorded_per_message() -> None:
    outbox = MemoryOutbox(
        [message(1), message(2), message(3), message(4), message(5, "discord"), message(6, attempts=MAX_ATTEMPTS)]
    )
    transport = ScriptedTransport(
        {
            2: Delivery(DeliveryStatus.RETRY, retry_after=30, error="429"),
            3: Delivery(DeliveryStatus.BLOCKED, error="403"),
            4: Delivery(DeliveryStatus.FAILED, error="400 chat not found"),
            6: Delivery(DeliveryStatus.RETRY, error="500"),
        }
    )
    outcomes = await drain_once(outbox, {"telegram": transport}, FixedClock(NOW), "w1")
    assert outbox.sent == [1]
    assert outbox.retried == [(2, datetime(2026, 3, 1, 12, 0, 30, tzinfo=UTC))]
    assert [m for m, _ in outbox.failed] == [3, 4, 5, 6]
    assert "no transport" in outbox.failed[2][1]
    assert transport.seen == [1, 2, 3, 4, 6]
    assert outcomes["sent"] == 1 and outcomes["retry"] == 2 and outcomes["failed"] == 2


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_seconds(n) for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert backoff_seconds(30) == 600


def test_due_today_uses_each_zones_wall_clock() -> None:
    now = datetime(2026, 7, 1, 18, 30, tzinfo=UTC)
    pairs = [
        ("Europe/Paris", "20:00"),
        ("Europe/Paris", "21:00"),
        ("America/New_York", "08:00"),
        ("Asia/Kathmandu", "20:00"),
        ("Pacific/Chatham", "08:00"),
        ("Asia/Tokyo", "20:00"),
    ]
    due = due_today(pairs, now)
    # Paris 20:30 (yes for 20:00, no for 21:00), New York 14:30, Kathmandu 00:15 next day (not yet 20:00),
    # Chatham 07:15 next day (not yet 08:00), Tokyo 03:30 next day (no).
    assert [(z, c, str(d)) for z, c, d in due] == [
        ("America/New_York", "08:00", "2026-07-01"),
        ("Europe/Paris", "20:00", "2026-07-01"),
    ]
