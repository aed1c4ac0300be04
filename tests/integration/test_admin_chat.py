"""``/admin`` through the real (moderated) Conversation on SQLite and PostgreSQL: refusals, stats, users, blocks."""

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bots.common.conversation import STALE
from core.model.outbox import NewMessage
from core.services.set_reachable import set_reachable
from storage.chat.groups import SqlGroupStore
from storage.outbox.repository import SqlOutbox
from tests.integration.admin_world import PROFILE, admin_app, meal_at, one, say, user
from winstreak.bootstrap import App

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
UNKNOWN = "I don't know the command /admin. Send /help for the list."


@pytest.fixture
async def app(db_url: str, tmp_path: Path) -> AsyncIterator[App]:
    wired = await admin_app(db_url, tmp_path, NOW)
    yield wired
    await wired.close()


async def test_non_admins_get_the_unknown_command_answer_and_change_nothing(app: App) -> None:
    ana = await user(app, "ana")
    for text in ("/admin", "/admin stats", f"/admin block {int(ana.id)}", "/admin broadcast hi", "/admin outbox retry"):
        assert (await one(app, text, "ana", "console")).text == UNKNOWN
        assert (await one(app, text, "777", "discord")).text == UNKNOWN  # listed id, other platform
    reply = await one(app, "/admin confirm abc", "mallory", "telegram", choice="/admin confirm abc")
    assert reply.text == STALE  # forged button data: refused before any command runs
    assert (await one(app, "/admin stats", "boss")).text.startswith("📊")  # still unblocked, nothing queued
    assert "Outbox: 0 pending · 0 failed" in (await one(app, "/admin stats", "777", "telegram")).text
    assert "blocked: 0" in (await one(app, "/admin stats")).text


async def test_admin_help_in_private_and_refusal_in_groups(app: App) -> None:
    assert "/admin broadcast TEXT" in (await one(app, "/admin")).text
    assert "/admin outbox retry" in (await one(app, "/admin nonsense")).text
    assert (await one(app, "/admin stats", group=True)).text == "Use /admin in a private chat with me."
    french = await one(app, "/admin", "777", "telegram", language="fr")
    assert "Commandes" in french.text or "opérateur" in french.text


async def test_stats_match_seeded_data(app: App) -> None:
    people = [await user(app, name) for name in ("ana", "ben", "cy", "dee")]
    for name in ("ana", "ben"):
        await say(app, PROFILE, name, "telegram")
    await set_reachable(app.uow(), "telegram", "dee", False)
    await meal_at(app, people[0], NOW - timedelta(hours=1))  # today
    await meal_at(app, people[0], NOW.replace(hour=0, minute=0))  # today, first minute
    await meal_at(app, people[1], NOW - timedelta(days=1))  # yesterday, in 7 days
    await meal_at(app, people[1], NOW - timedelta(days=6, hours=23))  # in 7 days
    await meal_at(app, people[2], NOW - timedelta(days=7, hours=1))  # too old for both windows
    groups = SqlGroupStore(app.sessions)
    await groups.create("telegram", "-100", "On", "UTC")
    off = await groups.create("telegram", "-200", "Off", "UTC")
    await groups.save(off.__class__(off.id, off.platform, off.chat_id, off.title, False))
    outbox = SqlOutbox(app.engine)
    messages = [NewMessage(f"k{n}", "reminder", "telegram", "1", "en", NOW - timedelta(days=2)) for n in range(5)]
    await outbox.enqueue(messages)
    claimed = await outbox.claim("w", NOW - timedelta(days=2), 3)
    await outbox.mark_failed(claimed[0].id, "w", "Forbidden: bot was blocked by the user")
    await outbox.mark_sent(claimed[1].id, "w", NOW - timedelta(hours=2))
    await outbox.mark_sent(claimed[2].id, "w", NOW - timedelta(hours=30))  # sent, but not in the last 24 h
    await one(app, f"/admin block {int(people[3].id)}")
    text = (await one(app, "/admin stats")).text
    # boss (console) joined by writing: 5 users; ana and ben onboarded; dee unreachable; ana and ben logged in 7 days.
    assert "Users: 5 total · 2 active in the last 7 days · 2 onboarded" in text
    assert "Reachable: 4 · blocked: 1" in text
    assert "Meals: 2 today · 4 in the last 7 days" in text
    assert "Groups in the leagues: 1" in text
    assert "Outbox: 2 pending · 1 failed · 1 sent in the last 24 h" in text


async def test_user_summary_and_bad_ids(app: App) -> None:
    ana = await user(app, "ana")
    await say(app, PROFILE, "ana", "telegram")
    await meal_at(app, ana, NOW - timedelta(hours=3))
    text = (await one(app, f"/admin user {int(ana.id)}")).text
    assert f"User {int(ana.id)}" in text and "Platforms: telegram" in text
    assert re.search(r"Joined: \d{4}-\d\d-\d\d \(UTC\)", text)  # the repository stamps creation with real time
    assert "Profile complete: yes" in text and "meals logged: 1" in text and "blocked: no" in text
    assert "80" not in text and "168" not in text  # weight and height are not shown
    assert (await one(app, "/admin user 999999")).text == "There is no user 999999."
    for bad in ("/admin user", "/admin user abc", "/admin user -3", "/admin user 0", "/admin block 1e9"):
        assert (await one(app, bad)).text == "Give a user number, e.g. /admin user 42."
    assert (await one(app, "/admin unblock 999999")).text == "There is no user 999999."


async def test_block_refuses_politely_and_unblock_restores(app: App) -> None:
    ana = await user(app, "ana")
    await say(app, PROFILE, "ana", "telegram")
    blocked = await one(app, f"/admin block {int(ana.id)}")
    assert blocked.text == f"⛔ User {int(ana.id)} is blocked: their messages get a polite refusal."
    assert (await one(app, f"/admin block {int(ana.id)}")).text == blocked.text  # repeating is harmless
    refusal = "Sorry, this account can't use WinStreak at the moment. Please contact the bot's operators."
    assert (await one(app, "/today", "ana", "telegram")).text == refusal
    assert (await one(app, "soup 200 kcal", "ana", "telegram")).text == refusal
    assert "désolé" in (await one(app, "/today", "ana", "telegram", language="fr")).text.lower()
    assert "blocked: yes" in (await one(app, f"/admin user {int(ana.id)}")).text
    assert (await one(app, f"/admin unblock {int(ana.id)}")).text == f"✅ User {int(ana.id)} is unblocked."
    assert (await one(app, "/today", "ana", "telegram")).text.startswith("📅 2026-11-20")
    boss = await user(app, "boss", "console")
    await one(app, f"/admin block {int(boss.id)}")
    assert (await one(app, "/admin stats")).text.startswith("📊")  # an operator is never locked out


async def test_outbox_failures_listed_and_retried(app: App) -> None:
    outbox = SqlOutbox(app.engine)
    await outbox.enqueue([NewMessage(f"k{n}", "daily_result", "telegram", "1", "en", NOW) for n in range(3)])
    claimed = await outbox.claim("w", NOW, 3)
    await outbox.mark_failed(claimed[0].id, "w", "Bad Request: chat not found")
    await outbox.mark_failed(claimed[1].id, "w", "x" * 900)
    assert (await one(app, "/admin outbox retry")).text == "🔁 2 failed messages are queued again."
    assert (await one(app, "/admin outbox")).text == "📮 No failed messages in the outbox."
    again = await outbox.claim("w2", NOW, 10)
    assert sorted(m.id for m in again) == sorted(m.id for m in claimed[:2])
    assert all(m.attempts == 1 for m in again)  # a fresh attempt budget
    await outbox.mark_failed(again[0].id, "w2", "Bad Request: chat not found")
    text = (await one(app, "/admin outbox")).text
    assert f"#{again[0].id} daily_result → telegram, 1 attempts: Bad Request: chat not found" in text
    assert "/admin outbox retry" in text
