"""/leaderboard in a group and the scheduled daily group post show the same board for the same data.

A random week of meals for a dozen members (plus a tie and a member with nothing closed) goes through the real
close-out on SQLite and PostgreSQL; then the command's reply and the rendered outbox post are compared.
"""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bots.common.messages import Incoming
from bots.common.notifications import render_notification
from core.model import UserId
from core.model.group import GroupMember
from core.model.outbox import OutboxMessage
from core.rules.energy import daily_target
from storage.chat.groups import SqlGroupStore
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.tables import UserStatsRow
from storage.outbox.content import SqlNotificationContent
from tests.fakes.memory import FixedClock
from tests.integration.gamification_world import add_meal, add_user, random_profile
from winstreak.bootstrap import App, build_app, game_rules
from winstreak.settings import Settings

THURSDAY = date(2026, 3, 5)
MONDAY = THURSDAY - timedelta(days=3)
LINE = re.compile(r"^(\d+)\. (.+) — (-?\d+) pts · 🔥 (\d+) · ")


@pytest.fixture
async def app(db_url: str, tmp_path: Path) -> AsyncIterator[App]:
    settings = Settings(data_dir=tmp_path, database_url=db_url, _env_file=None)  # type: ignore[call-arg]
    clock = FixedClock(datetime.combine(THURSDAY, datetime.min.time(), UTC) + timedelta(hours=10))
    wired = await build_app(settings, clock=clock, migrate=False)
    yield wired
    await wired.close()


async def week_of_meals(app: App, rng: random.Random, nicknames: list[str]) -> int:
    """Members with random days from last Thursday to yesterday (won, lost, under or none); ``bea`` copies ``Bob``."""
    groups = SqlGroupStore(app.sessions)
    group = await groups.create("telegram", "-100", "Team", "UTC")
    plans: dict[str, list[float | None]] = {}
    for user_id, name in enumerate(nicknames, start=1000):  # clear of the ids the chat gives new users
        profile = random_profile(rng)
        await add_user(app.engine, user_id, profile)
        await groups.add_member(group.id, GroupMember(UserId(user_id), name))
        plan = plans.get("Bob") if name == "bea" else None
        plan = plan or [rng.choice((0.8, 0.9, 1.4, 0.2, None)) for _ in range(7)]
        plans[name] = plan
        if name == "Zed":
            continue  # joined, never logged: no closed day at all
        for n, share in enumerate(plan):
            if share is not None:
                kcal = daily_target(profile, 2026).kcal * share
                await add_meal(app.engine, user_id, MONDAY - timedelta(days=4) + timedelta(days=n), [kcal])
    closer = SqlBulkCloser(app.engine, game_rules(app.settings))
    for n in range(7):
        await closer.close_out(MONDAY - timedelta(days=4) + timedelta(days=n), None)
    return group.id


async def test_leaderboard_command_and_daily_post_agree(app: App) -> None:
    names = ["Ada", "Bob", "bea", "Cleo", "dan", "Eli", "fay", "Gus", "hal", "Ivy", "jo", "Zed"]
    group_id = await week_of_meals(app, random.Random(11), names)
    asked = Incoming("telegram", "-100", "901", "Kim", text="/leaderboard", is_group=True)
    [command] = await app.conversation.handle(asked)
    post = OutboxMessage(
        1, "group_daily:1", "group_daily", "telegram", "-100", "en", {"day": THURSDAY.isoformat()}, group_id=group_id
    )
    [posted] = await render_notification(post, SqlNotificationContent(app.engine), game_rules(app.settings))
    assert command.text == posted.text
    rows = [LINE.match(text) for text in posted.text.splitlines()[1:]]
    parsed = [(int(m[1]), m[2], int(m[3]), int(m[4])) for m in rows if m]
    assert [p[0] for p in parsed] == list(range(1, len(names) + 1))
    assert sorted(p[1] for p in parsed) == sorted(names)
    account = {name: 1000 + n for n, name in enumerate(names)}
    async with app.engine.connect() as conn:
        rows_rp = (await conn.execute(select(UserStatsRow.user_id, UserStatsRow.rp))).all()
    totals: dict[int, int] = {int(user_id): int(rp) for user_id, rp in rows_rp}
    keys = [(-points, -totals.get(account[name], 0), account[name]) for _, name, points, _ in parsed]
    assert keys == sorted(keys)  # week RP, then total RP, then the earlier account: the league result's rule
    assert len({points for _, _, points, _ in parsed}) > 2  # a real spread of weekly points, not all zero
    places = {name: place for place, name, _, _ in parsed}
    assert totals[account["Bob"]] == totals[account["bea"]]
    assert places["Bob"] + 1 == places["bea"]  # the same days, so the same RP: the earlier account first
    assert next(p for p in parsed if p[1] == "Zed")[2:] == (0, 0)
