"""Set-based enqueueing of time-of-day messages: one ``INSERT … SELECT`` per (zone, time) that is due.

Dedup keys (``reminder:<user>:<day>``, ``daily:<user>:<day>``) make every statement safe to repeat,
from any number of scheduler processes.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, String, and_, cast, exists, func, literal, select, true
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Mapped

from core.model.group import ChatGroup
from core.rules.schedule import due_today
from storage.chat.tables import ChatGroupRow
from storage.gamification.tables import DayResultRow, LeagueResultRow
from storage.models import MealRow, UserRow
from storage.outbox.audience import COLUMNS, user_messages
from storage.outbox.repository import PENDING, insert_ignoring_duplicates
from storage.outbox.tables import NotificationPrefsRow, OutboxRow
from storage.types import UtcDateTime

PREFS = NotificationPrefsRow


def _key(prefix: str, day: date) -> ColumnElement[str]:
    return literal(f"{prefix}:") + cast(UserRow.id, String) + literal(f":{day.isoformat()}")


async def _zone_times(engine: AsyncEngine, column: Mapped[str], default: str) -> list[tuple[str, str]]:
    query = (
        select(UserRow.timezone, func.coalesce(column, default))
        .select_from(UserRow)
        .outerjoin(PREFS, PREFS.user_id == UserRow.id)
        .where(UserRow.active.is_(True))
        .distinct()
    )
    async with engine.connect() as conn:
        return [(tz, clock) for tz, clock in (await conn.execute(query)).all()]


async def _insert(engine: AsyncEngine, selects: list[Select[Any]]) -> int:
    total = 0
    async with engine.begin() as conn:
        for query in selects:
            statement = insert_ignoring_duplicates(conn.dialect.name, OutboxRow).from_select(COLUMNS, query)
            total += max((await conn.execute(statement)).rowcount, 0)
    return total


def _base(kind: str, key: ColumnElement[str], now: datetime, platforms: list[str], payload: str) -> Select[Any]:
    return user_messages(kind, key, now, platforms, payload).outerjoin(PREFS, PREFS.user_id == UserRow.id)


async def enqueue_reminders(engine: AsyncEngine, now: datetime, platforms: list[str]) -> int:
    """Evening reminders to users who logged nothing today and did not turn reminders off."""
    pairs = await _zone_times(engine, PREFS.reminder_time, "20:00")
    selects: list[Select[Any]] = []
    for tz_name, clock_text, day in due_today(pairs, now):
        logged = exists().where(MealRow.user_id == UserRow.id, MealRow.local_day == day)
        selects.append(
            _base("reminder", _key("reminder", day), now, platforms, f'{{"day": "{day.isoformat()}"}}').where(
                UserRow.timezone == tz_name,
                func.coalesce(PREFS.reminder_time, "20:00") == clock_text,
                func.coalesce(PREFS.reminders_on, true()).is_(True),
                ~logged,
            )
        )
    return await _insert(engine, selects)


async def enqueue_daily_results(engine: AsyncEngine, now: datetime, platforms: list[str]) -> int:
    """Yesterday's result to each user at their chosen local time, once that day has been closed."""
    pairs = await _zone_times(engine, PREFS.daily_result_time, "08:00")
    selects: list[Select[Any]] = []
    for tz_name, clock_text, today in due_today(pairs, now):
        day = today - timedelta(days=1)
        closed = and_(DayResultRow.user_id == UserRow.id, DayResultRow.day == day)
        selects.append(
            _base("daily_result", _key("daily", day), now, platforms, f'{{"day": "{day.isoformat()}"}}')
            .join(DayResultRow, closed)
            .where(
                UserRow.timezone == tz_name,
                func.coalesce(PREFS.daily_result_time, "08:00") == clock_text,
                func.coalesce(PREFS.daily_results_on, true()).is_(True),
            )
        )
    return await _insert(engine, selects)


async def enqueue_weekly_summaries(engine: AsyncEngine, now: datetime, platforms: list[str]) -> int:
    """On Monday at the daily-result time, last week's summary to users who logged a meal that week."""
    pairs = await _zone_times(engine, PREFS.daily_result_time, "08:00")
    selects: list[Select[Any]] = []
    for tz_name, clock_text, today in due_today(pairs, now):
        if today.weekday() != 0:
            continue
        monday = today - timedelta(days=7)
        logged = exists().where(
            MealRow.user_id == UserRow.id, MealRow.local_day.between(monday, today - timedelta(days=1))
        )
        selects.append(
            _base(
                "weekly_summary", _key("weekly", monday), now, platforms, f'{{"week_start": "{monday.isoformat()}"}}'
            ).where(
                UserRow.timezone == tz_name,
                func.coalesce(PREFS.daily_result_time, "08:00") == clock_text,
                func.coalesce(PREFS.daily_results_on, true()).is_(True),
                logged,
            )
        )
    return await _insert(engine, selects)


def _group_key(prefix: str, day: date) -> ColumnElement[str]:
    return literal(f"{prefix}:") + cast(ChatGroupRow.id, String) + literal(f":{day.isoformat()}")


def _group_base(kind: str, key: ColumnElement[str], now: datetime, payload: str) -> Select[Any]:
    return select(
        key,
        literal(kind),
        ChatGroupRow.platform,
        ChatGroupRow.chat_id,
        ChatGroupRow.id,
        literal("en"),
        literal(payload),
        literal(PENDING),
        literal(0),
        literal(now, UtcDateTime()),
        literal(now, UtcDateTime()),
    ).where(ChatGroupRow.leagues_on.is_(True))


GROUP_COLUMNS = [c if c != "user_id" else "group_id" for c in COLUMNS]


async def group_zone_times(engine: AsyncEngine) -> list[tuple[str, str]]:
    """Distinct (time zone, post time) of groups in the leagues."""
    query = select(ChatGroupRow.timezone, ChatGroupRow.post_time).where(ChatGroupRow.leagues_on.is_(True)).distinct()
    async with engine.connect() as conn:
        return [(tz, clock) for tz, clock in (await conn.execute(query)).all()]


async def enqueue_group_posts(engine: AsyncEngine, now: datetime, platforms: list[str]) -> int:
    """Each group's daily leaderboard at its post time, and on Mondays last week's league results."""
    total = 0
    zone_times = await group_zone_times(engine)  # before the write transaction: on SQLite it holds the write lock
    async with engine.begin() as conn:
        for tz_name, clock_text, day in due_today(zone_times, now):
            where = (
                ChatGroupRow.timezone == tz_name,
                ChatGroupRow.post_time == clock_text,
                ChatGroupRow.platform.in_(platforms),
            )
            queries = [
                _group_base(
                    "group_daily", _group_key("group_daily", day), now, f'{{"day": "{day.isoformat()}"}}'
                ).where(*where)
            ]
            if day.weekday() == 0:
                week = day - timedelta(days=7)
                ended = exists().where(LeagueResultRow.group_id == ChatGroupRow.id, LeagueResultRow.week_start == week)
                queries.append(
                    _group_base(
                        "league_week", _group_key("league_week", week), now, f'{{"week_start": "{week.isoformat()}"}}'
                    ).where(*where, ended)
                )
            for query in queries:
                statement = insert_ignoring_duplicates(conn.dialect.name, OutboxRow).from_select(GROUP_COLUMNS, query)
                total += max((await conn.execute(statement)).rowcount, 0)
    return total


async def groups_ending_week(engine: AsyncEngine, now: datetime) -> list[tuple[ChatGroup, date]]:
    """Groups whose league week ended: on their local Monday, from their post time; with that week's Monday."""
    due = [(tz, clock, day) for tz, clock, day in due_today(await group_zone_times(engine), now) if day.weekday() == 0]
    found: list[tuple[ChatGroup, date]] = []
    async with engine.connect() as conn:
        for tz_name, clock_text, day in due:
            query = select(ChatGroupRow).where(
                ChatGroupRow.leagues_on.is_(True),
                ChatGroupRow.timezone == tz_name,
                ChatGroupRow.post_time == clock_text,
            )
            for row in (await conn.execute(query)).mappings():
                group = ChatGroup(
                    row["id"],
                    row["platform"],
                    row["chat_id"],
                    row["title"],
                    row["leagues_on"],
                    row["post_time"],
                    row["timezone"],
                )
                found.append((group, day - timedelta(days=7)))
    return found


class SqlDueMessages:
    """:class:`core.ports.DueMessages` over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def enqueue_due(self, now: datetime, platforms: list[str]) -> int:
        """Daily results, reminders, group posts and weekly summaries, in that order."""
        counts = [
            await enqueue_daily_results(self._engine, now, platforms),
            await enqueue_reminders(self._engine, now, platforms),
            await enqueue_group_posts(self._engine, now, platforms),
            await enqueue_weekly_summaries(self._engine, now, platforms),
        ]
        return sum(counts)

    async def groups_ending_week(self, now: datetime) -> list[tuple[ChatGroup, date]]:
        """See :func:`groups_ending_week`."""
        return await groups_ending_week(self._engine, now)
