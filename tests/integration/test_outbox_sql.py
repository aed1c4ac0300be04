"""The SQL outbox and the set-based enqueue of reminders and daily results, on SQLite and PostgreSQL."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import ItemSource, MealItem, UserId
from core.model.outbox import NewMessage
from core.rules.game_rules import GameRules
from core.rules.profile_values import parse_assignments
from core.services.identify import identify
from core.services.log_meal import LogMeal, log_meal
from core.services.update_profile import update_profile
from storage.admin.tables import UserBlockRow
from storage.engine import make_engine, make_session_factory
from storage.outbox.repository import SqlOutbox
from storage.outbox.tables import NotificationPrefsRow, OutboxRow
from storage.unit_of_work import SqlUnitOfWork
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import sql_scheduler_jobs

T0 = datetime(2026, 4, 6, 12, 0, tzinfo=UTC)


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(db_url)
    yield engine
    await engine.dispose()


def new(key: str, at: datetime = T0, chat: str = "1") -> NewMessage:
    return NewMessage(key, "broadcast", "telegram", chat, "en", at, {"text": key})


async def test_enqueue_is_idempotent_and_claims_are_leased(engine: AsyncEngine) -> None:
    outbox = SqlOutbox(engine, lease_seconds=60)
    assert await outbox.enqueue([new("a"), new("b"), new("c", T0 + timedelta(hours=1))]) == 3
    assert await outbox.enqueue([new("a"), new("b")]) == 0
    first = await outbox.claim("w1", T0, 10)
    assert [m.dedup_key for m in first] == ["a", "b"] and first[0].payload == {"text": "a"}
    assert await outbox.claim("w2", T0 + timedelta(seconds=30), 10) == []  # leased to w1, c not due
    await outbox.mark_sent(first[0].id, "w1", T0)
    await outbox.mark_sent(first[1].id, "w2", T0)  # w2 holds no claim: ignored
    later = await outbox.claim("w2", T0 + timedelta(hours=1, seconds=1), 10)
    assert sorted(m.dedup_key for m in later) == ["b", "c"]  # b's lease ran out; c became due
    assert next(m for m in later if m.dedup_key == "b").attempts == 2
    await outbox.mark_retry(later[0].id, "w2", T0 + timedelta(hours=2), "429")
    await outbox.mark_failed(later[1].id, "w2", "400")
    async with engine.connect() as conn:
        rows = {r.dedup_key: r for r in (await conn.execute(select(OutboxRow))).all()}
    assert rows["a"].status == "sent" and rows["a"].sent_at is not None
    assert rows["b"].status == "pending" and rows["b"].last_error == "429"
    assert rows["c"].status == "failed"


async def test_two_workers_claiming_at_once_never_share_a_message(engine: AsyncEngine) -> None:
    outbox = SqlOutbox(engine)
    await outbox.enqueue([new(f"m{n}", chat=str(n)) for n in range(300)])

    async def worker(name: str) -> list[int]:
        got: list[int] = []
        while batch := await outbox.claim(name, T0, 7):
            got.extend(m.id for m in batch)
            await asyncio.sleep(0)
        return got

    first, second = await asyncio.gather(worker("w1"), worker("w2"))
    assert len(first) + len(second) == 300
    assert not set(first) & set(second)


async def make_user(engine: AsyncEngine, name: str, tz: str, clock: FixedClock) -> UserId:
    sessions = make_session_factory(engine)
    user = await identify(SqlUnitOfWork(sessions), "telegram", name, name)
    profile = parse_assignments(f"sex=female born=1990 height=165 weight=70 activity=light goal=lose tz={tz}", 2026)
    await update_profile(SqlUnitOfWork(sessions), clock, user.id, profile)
    return user.id


async def eat(engine: AsyncEngine, clock: FixedClock, user_id: UserId, kcal: float) -> None:
    item = MealItem("food", 300, kcal, 20, 150, 30, ItemSource.MANUAL, kcal, kcal)
    await log_meal(SqlUnitOfWork(make_session_factory(engine)), clock, LogMeal(user_id, (item,)))


async def outbox_keys(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as conn:
        return sorted((await conn.execute(select(OutboxRow.dedup_key))).scalars())


async def test_reminders_go_at_local_evening_to_those_who_logged_nothing(engine: AsyncEngine) -> None:
    clock = FixedClock(datetime(2026, 4, 6, 10, 0, tzinfo=UTC))
    paris = await make_user(engine, "paris", "Europe/Paris", clock)
    fed = await make_user(engine, "fed", "Europe/Paris", clock)
    quiet = await make_user(engine, "quiet", "Europe/Paris", clock)
    kathmandu = await make_user(engine, "ktm", "Asia/Kathmandu", clock)
    ny = await make_user(engine, "ny", "America/New_York", clock)
    blocked = await make_user(engine, "blocked", "America/New_York", clock)
    async with engine.begin() as conn:
        await conn.execute(
            insert(UserBlockRow).values(user_id=blocked, blocked_at=clock.now(), blocked_by="console:ops")
        )
    await eat(engine, clock, fed, 500)
    async with engine.begin() as conn:
        await conn.execute(
            insert(NotificationPrefsRow).values(
                user_id=quiet,
                reminders_on=False,
                reminder_time="20:00",
                daily_result_time="08:00",
                daily_results_on=True,
            )
        )
    jobs = sql_scheduler_jobs(engine, clock, GameRules(), {}, "w")
    jobs.transports = {"telegram": None}  # type: ignore[dict-item]  # only the platform names matter here
    await jobs.enqueue_due(datetime(2026, 4, 6, 14, 14, tzinfo=UTC))  # Kathmandu 19:59, Paris 16:14
    assert await outbox_keys(engine) == []
    await jobs.enqueue_due(datetime(2026, 4, 6, 14, 15, tzinfo=UTC))  # Kathmandu 20:00
    assert await outbox_keys(engine) == [f"reminder:{kathmandu}:2026-04-06"]
    await jobs.enqueue_due(datetime(2026, 4, 6, 18, 5, tzinfo=UTC))  # Paris 20:05
    await jobs.enqueue_due(datetime(2026, 4, 6, 18, 20, tzinfo=UTC))  # again: nothing new
    assert await outbox_keys(engine) == sorted([f"reminder:{kathmandu}:2026-04-06", f"reminder:{paris}:2026-04-06"])
    await jobs.enqueue_due(datetime(2026, 4, 7, 0, 0, tzinfo=UTC))  # New York 20:00
    assert f"reminder:{ny}:2026-04-06" in await outbox_keys(engine)
    assert f"reminder:{blocked}:2026-04-06" not in await outbox_keys(engine)  # blocked by an operator
    assert f"reminder:{fed}:2026-04-06" not in await outbox_keys(engine)


async def test_daily_results_follow_the_close_out(engine: AsyncEngine) -> None:
    clock = FixedClock(datetime(2026, 4, 6, 9, 0, tzinfo=UTC))
    won = await make_user(engine, "won", "Europe/Paris", clock)
    lost = await make_user(engine, "lost", "Europe/Paris", clock)
    await eat(engine, clock, won, 1500)
    await eat(engine, clock, lost, 4000)
    jobs = sql_scheduler_jobs(engine, clock, GameRules(), {}, "w")
    jobs.transports = {"telegram": None}  # type: ignore[dict-item]
    await jobs.tick(datetime(2026, 4, 7, 0, 30, tzinfo=UTC))  # Paris 02:30: grace not over, 08:00 not reached
    assert await outbox_keys(engine) == []
    await jobs.tick(datetime(2026, 4, 7, 1, 15, tzinfo=UTC))  # 03:15: the day closes
    await jobs.tick(datetime(2026, 4, 7, 6, 0, tzinfo=UTC))  # 08:00: results go out
    await jobs.tick(datetime(2026, 4, 7, 6, 15, tzinfo=UTC))
    assert await outbox_keys(engine) == sorted([f"daily:{won}:2026-04-06", f"daily:{lost}:2026-04-06"])


async def test_monday_summaries_go_to_those_who_logged_last_week(engine: AsyncEngine) -> None:
    clock = FixedClock(datetime(2026, 4, 8, 9, 0, tzinfo=UTC))  # Wednesday 8 April
    active = await make_user(engine, "active", "Europe/Paris", clock)
    await make_user(engine, "idle", "Europe/Paris", clock)
    await eat(engine, clock, active, 1800)
    jobs = sql_scheduler_jobs(engine, clock, GameRules(), {}, "w")
    jobs.transports = {"telegram": None}  # type: ignore[dict-item]
    await jobs.enqueue_due(datetime(2026, 4, 12, 6, 0, tzinfo=UTC))  # Sunday 08:00 in Paris: not yet
    assert not [k for k in await outbox_keys(engine) if k.startswith("weekly")]
    await jobs.enqueue_due(datetime(2026, 4, 13, 6, 0, tzinfo=UTC))  # Monday 08:00 in Paris
    await jobs.enqueue_due(datetime(2026, 4, 13, 6, 30, tzinfo=UTC))
    assert [k for k in await outbox_keys(engine) if k.startswith("weekly")] == [f"weekly:{active}:2026-04-06"]
