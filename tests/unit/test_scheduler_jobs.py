"""The scheduler jobs on in-memory fakes of their ports: close-outs once per (day, zone), enqueue, drain, leagues."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from core.model import UserId
from core.model.group import GroupMember
from core.model.outbox import Delivery, DeliveryStatus, OutboxMessage
from core.rules.game_rules import GameRules
from scheduler.jobs import SchedulerJobs
from tests.fakes.gamification import GameStore, MemoryGameUnitOfWork
from tests.fakes.groups import MemoryGroups
from tests.fakes.memory import FixedClock
from tests.fakes.scheduler import MemoryBulkCloser, MemoryDueMessages, MemoryLeases, MemoryOutbox

NOW = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)  # 03:00 grace over in UTC and Tokyo, not yet in New York


class Recorder:
    """A transport that accepts everything and remembers the message ids."""

    def __init__(self) -> None:
        self.sent: list[int] = []

    async def deliver(self, message: OutboxMessage) -> Delivery:
        self.sent.append(message.id)
        return Delivery(DeliveryStatus.SENT)


def make_jobs(
    zones: list[str],
    *,
    busy: set[str] | None = None,
    groups: MemoryGroups | None = None,
    store: GameStore | None = None,
) -> tuple[SchedulerJobs, MemoryBulkCloser, MemoryOutbox, MemoryDueMessages, dict[str, Recorder]]:
    closer, outbox = MemoryBulkCloser(zones), MemoryOutbox()
    due = MemoryDueMessages(outbox)
    transports = {"telegram": Recorder(), "discord": Recorder()}
    game_store = store or GameStore()
    jobs = SchedulerJobs(
        FixedClock(NOW), GameRules(), transports, "w1", closer=closer, outbox=outbox, leases=MemoryLeases(busy),
        due=due, groups=groups or MemoryGroups(), game=lambda: MemoryGameUnitOfWork(game_store), batch=2,
    )  # fmt: skip
    return jobs, closer, outbox, due, transports


async def test_first_close_catches_up_then_each_day_and_zone_closes_once() -> None:
    jobs, closer, *_ = make_jobs(["UTC", "Asia/Tokyo", "America/New_York"])
    closed = await jobs.close_days()
    assert len(set(closer.closed)) == len(closer.closed)
    by_zone = {zone: sorted(d for d, zones in closer.closed if zone in zones) for zone in closer.zones}
    assert by_zone["UTC"] == [date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)]  # two catch-up days
    assert by_zone["Asia/Tokyo"] == by_zone["UTC"]
    assert by_zone["America/New_York"][-1] == date(2026, 3, 8)  # its 03:00 on the 10th has not come yet
    assert closed == sum(len(zones) for _, zones in closer.closed)
    assert (date(2026, 3, 9), ("Asia/Tokyo", "UTC")) in closer.closed  # zones due the same day close together

    before = len(closer.closed)
    assert await jobs.close_days() == 0 and len(closer.closed) == before  # nothing twice in one process
    await jobs.close_days(NOW + timedelta(days=1))
    assert sorted(closer.closed[before:]) == [
        (date(2026, 3, 9), ("America/New_York",)),
        (date(2026, 3, 10), ("Asia/Tokyo", "UTC")),
    ]  # no catch-up after the first run


async def test_enqueue_due_asks_for_the_platforms_with_a_transport_then_drain_sends_them() -> None:
    jobs, _, outbox, due, transports = make_jobs(["UTC"])
    assert await jobs.tick() == 2
    assert due.calls == [(NOW, ["discord", "telegram"])]
    assert await jobs.enqueue_due() == 0  # the same keys again: nothing new
    outcomes = await jobs.drain()
    assert outcomes["sent"] == 2 and set(outbox.state.values()) == {"sent"}
    assert len(transports["telegram"].sent) == len(transports["discord"].sent) == 1


async def test_drain_leaves_a_platform_whose_lease_another_process_holds() -> None:
    jobs, _, outbox, _, transports = make_jobs(["UTC"], busy={"telegram"})
    await jobs.enqueue_due()
    assert (await jobs.drain())["sent"] == 1
    assert transports["telegram"].sent == [] and len(transports["discord"].sent) == 1
    assert sorted(outbox.state.values()) == ["pending", "sent"]


async def test_league_weeks_end_through_the_game_unit_of_work_once() -> None:
    groups, store = MemoryGroups(), GameStore()
    group = await groups.create("telegram", "-100", "Office", "UTC")
    for n in range(1, 5):
        await groups.add_member(group.id, GroupMember(UserId(n), f"u{n}"))
    jobs, _, _, due, _ = make_jobs(["UTC"], groups=groups, store=store)
    monday = date(2026, 3, 2)
    due.ending = [(group, monday)]
    assert await jobs.end_league_weeks() == 1
    assert {user for (_, week, user) in store.weeks if week == monday} == {1, 2, 3, 4}
    assert await jobs.end_league_weeks() == 0  # the week is saved: ending it again changes nothing
