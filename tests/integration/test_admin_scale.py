"""Broadcast to a few thousand users on SQLite and PostgreSQL (one set-based statement), and the terminal flow."""

import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from bots.console.chat import run_console
from storage.models import IdentityRow, UserRow
from storage.outbox.tables import OutboxRow
from tests.integration.admin_world import admin_app, button_values, one
from winstreak.bootstrap import App

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
USERS = 3000


@pytest.fixture
async def app(db_url: str, tmp_path: Path) -> AsyncIterator[App]:
    wired = await admin_app(db_url, tmp_path, NOW)
    yield wired
    await wired.close()


async def seed_many(app: App) -> None:
    """USERS users, every third on Discord, every tenth unreachable."""
    users = [
        {"display_name": f"u{n}", "active": n % 10 != 0, "created_at": NOW, "language": "en"}
        for n in range(1, USERS + 1)
    ]
    async with app.engine.begin() as conn:
        returning = insert(UserRow).returning(UserRow.id, sort_by_parameter_order=True)
        ids = (await conn.execute(returning, users)).scalars().all()
        identities = [
            {"platform": "discord" if n % 3 == 0 else "telegram", "external_id": str(10_000 + n), "user_id": uid}
            for n, uid in enumerate(ids, 1)
        ]
        await conn.execute(insert(IdentityRow), identities)


async def outbox_count(app: App) -> int:
    async with app.engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(OutboxRow))).scalar_one())


async def test_thousands_of_recipients_queued_once(app: App) -> None:
    await seed_many(app)
    reachable = USERS - USERS // 10
    preview = await one(app, "/admin broadcast Maintenance tonight at 23:00 UTC.")
    assert f"go to {reachable} reachable chats" in preview.text
    confirm = button_values(preview)[0]
    assert (await one(app, "", choice=confirm)).text == f"✅ Queued {reachable} messages."
    assert (await one(app, "", choice=confirm)).text.endswith(
        f"{reachable} recipients already had this broadcast queued."
    )
    assert await outbox_count(app) == reachable


async def test_operator_broadcasts_from_the_terminal(app: App, tmp_path: Path) -> None:
    await seed_many(app)
    out = io.StringIO()
    lines = "/admin broadcast Hello from the team\n1\n/admin stats\n"
    await run_console(app.conversation, "boss", io.StringIO(lines), out, interactive=False, image_dir=tmp_path)
    text = out.getvalue()
    assert "[1] Send to everyone  [2] Cancel" in text
    assert f"✅ Queued {USERS - USERS // 10} messages." in text
    assert f"Outbox: {USERS - USERS // 10} pending · 0 failed · 0 sent in the last 24 h" in text
