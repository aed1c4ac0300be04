"""Quotas (AI calls a day, messages a minute, /admin quota) and the operator audit log, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import SecretStr

from ai.manual_kcal import StatedKcalEstimator
from bots.common.messages import Incoming, Reply
from tests.fakes.memory import FixedClock
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App, build_app
from winstreak.settings import load_settings

NOW = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
PHOTO = b"\x89PNG not really"


@pytest.fixture
def estimator() -> RecordingEstimator:
    return RecordingEstimator(StatedKcalEstimator())


@pytest.fixture
async def app(db_url: str, tmp_path: Path, estimator: RecordingEstimator) -> AsyncIterator[App]:
    settings = load_settings(
        data_dir=tmp_path,
        database_url=db_url,
        admins="console:boss",
        telegram_token=SecretStr("123456:quota-test"),
        quota_ai_calls_per_day=2,
        quota_messages_per_minute=8,
        _env_file=None,
    )
    wired = await build_app(settings, clock=FixedClock(NOW), estimator=estimator, migrate=False)
    try:
        yield wired
    finally:
        await wired.close()


async def say(app: App, text: str = "", who: str = "ana", **kw: object) -> list[Reply]:
    msg = Incoming("console", who, who, who.title(), text=text, **kw)  # type: ignore[arg-type]
    return await app.conversation.handle(msg)


def joined(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def clock(app: App) -> FixedClock:
    assert isinstance(app.deps.clock, FixedClock)
    return app.deps.clock


async def user_id(app: App, who: str) -> int:
    async with app.uow() as uow:
        user = await uow.users.by_identity("console", who)
    assert user is not None
    return int(user.id)


async def test_estimates_stop_at_the_daily_quota_without_calling_the_estimator(
    app: App, estimator: RecordingEstimator
) -> None:
    assert "640" in joined(await say(app, photo=PHOTO))
    assert "300" in joined(await say(app, "soup 300 kcal"))
    over = joined(await say(app, photo=PHOTO))
    assert "used today's 2 estimates" in over and "still waiting" in over
    assert len(estimator.photos) == 1  # no cost: the third picture never reached the estimator
    assert "Saved 300 kcal" in joined(await say(app, "save"))  # the pending estimate was kept
    assert "2 estimates" in joined(await say(app, "bread 100 kcal", who="ana"))
    assert "100" in joined(await say(app, "bread 100 kcal", who="ben"))  # others have their own budget
    clock(app).advance(days=1)
    assert "100" in joined(await say(app, "bread 100 kcal"))  # a new day, a new budget


async def test_an_operator_overrides_one_users_quota_and_it_is_audited(app: App) -> None:
    for _ in range(2):
        await say(app, "soup 300 kcal")
    ana = await user_id(app, "ana")
    assert "used today's 2" in joined(await say(app, "soup 300 kcal"))
    assert (
        joined(await say(app, f"/admin quota {ana} 4", "boss")) == f"User {ana}: 4 AI calls a day (the default is 2)."
    )
    assert "300" in joined(await say(app, "soup 300 kcal"))
    assert joined(await say(app, f"/admin quota {ana}", "boss")).startswith(f"User {ana}: 4 AI calls a day")
    reset = joined(await say(app, f"/admin quota {ana} default", "boss"))
    assert reset == f"User {ana}: the default of 2 AI calls a day applies."
    assert "used today's 2" in joined(await say(app, "soup 300 kcal"))
    for bad in ("/admin quota", f"/admin quota {ana} -1", f"/admin quota {ana} lots", "/admin quota 999999 3"):
        answer = joined(await say(app, bad, "boss"))
        assert answer.startswith(("Write /admin quota", "A quota is a whole number", "There is no user")), answer
    assert "I don't know the command /admin" in joined(await say(app, f"/admin quota {ana} 99"))  # not an operator


async def test_messages_over_the_minute_limit_get_one_answer_then_none(app: App) -> None:
    for _ in range(8):
        assert await say(app, "/help")
    assert joined(await say(app, "/help")) == (
        "You are sending messages faster than I can take them (8 a minute). Wait a minute, then go on."
    )
    assert await say(app, "/help") == []  # silence for the rest of the minute: no work, no outgoing messages
    assert await say(app, "/help", who="ben")  # another person is not slowed down
    clock(app).advance(seconds=61)
    assert "/today" in joined(await say(app, "/help"))


async def test_operator_actions_are_audited_with_who_when_and_what(app: App) -> None:
    await say(app, "/help", who="ana")
    ana = await user_id(app, "ana")
    assert joined(await say(app, "/admin audit", "boss")) == "No operator action is recorded yet."
    await say(app, f"/admin block {ana}", "boss")
    clock(app).advance(minutes=1)
    await say(app, f"/admin unblock {ana}", "boss")
    await say(app, f"/admin quota {ana} 7", "boss")
    await say(app, "/admin outbox retry", "boss")
    preview = await say(app, "/admin broadcast Hello everyone", "boss")
    confirm = next(b.value for r in preview for b in r.flat_buttons if b.value.startswith("/admin confirm"))
    assert "Queued" in joined(await say(app, choice=confirm, who="boss"))
    await say(app, "/admin stats", "boss")  # reading changes nothing: not audited
    lines = joined(await say(app, "/admin audit", "boss")).splitlines()
    assert lines[0] == "🧾 Latest operator actions (UTC):"
    actions = [line.split(" · ")[2] for line in lines[1:]]
    assert actions == ["broadcast", "retry", "quota", "unblock", "block"]  # newest first
    assert all(" · console:boss · " in line for line in lines[1:])
    assert lines[-1].startswith("• 2026-04-01 09:00 · console:boss · block · user ")
    assert "Hello everyone" not in "\n".join(lines)  # the audit says what was done, not the message text
