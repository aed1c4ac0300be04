"""``/admin broadcast`` end to end on SQLite and PostgreSQL: preview, confirm, idempotency, who gets it, bad text."""

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bots.common.buttons import untagged
from bots.common.conversation import STALE
from bots.common.flows.admin import admin_commands
from bots.common.moderation import ModeratedConversation
from bots.common.notifications import render_notification
from core.model.outbox import OutboxMessage
from core.rules.admins import MAX_BROADCAST_CHARS
from core.rules.game_rules import GameRules
from core.services.set_reachable import set_reachable
from storage.admin.store import SqlAdminStore
from storage.outbox.content import SqlNotificationContent
from storage.outbox.tables import OutboxRow
from tests.integration.admin_world import admin_app, button_values, one, user
from winstreak.bootstrap import App

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
TEXT = "New: weekly leagues start Monday!\nGood luck 🍀"


@pytest.fixture
async def app(db_url: str, tmp_path: Path) -> AsyncIterator[App]:
    wired = await admin_app(db_url, tmp_path, NOW)
    yield wired
    await wired.close()


async def rows(app: App) -> list[OutboxRow]:
    async with app.sessions() as session:
        return list((await session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars())


async def seed(app: App) -> dict[str, int]:
    """Telegram ana (fr), ben, dee (unreachable), eve (blocked); discord cy; console zed (no transport)."""
    ids = {}
    for name, platform, lang in [
        ("ana", "telegram", "fr"),
        ("ben", "telegram", "en"),
        ("cy", "discord", "en"),
        ("dee", "telegram", "en"),
        ("eve", "telegram", "en"),
        ("zed", "console", "en"),
    ]:
        ids[name] = int((await user(app, name, platform, lang)).id)
    await set_reachable(app.uow(), "telegram", "dee", False)
    await one(app, f"/admin block {ids['eve']}")
    return ids


async def test_preview_confirm_and_a_repeated_confirm_sends_nothing_twice(app: App) -> None:
    ids = await seed(app)
    preview = await one(app, f"/admin broadcast {TEXT}")
    assert preview.text == "📣 This message will go to 3 reachable chats:\n\n" + TEXT
    confirm, cancel = button_values(preview)
    assert confirm.startswith("/admin confirm ") and untagged(cancel) == "/admin cancel"
    assert await rows(app) == []  # nothing is queued before the confirmation
    done = await one(app, "", choice=confirm)
    assert done.text == "✅ Queued 3 messages."
    queued = await rows(app)
    assert sorted((r.platform, r.chat_id) for r in queued) == [
        ("discord", "cy"),
        ("telegram", "ana"),
        ("telegram", "ben"),
    ]
    assert {r.kind for r in queued} == {"broadcast"} and {r.status for r in queued} == {"pending"}
    assert {json.loads(r.payload)["text"] for r in queued} == {TEXT}
    assert {r.user_id for r in queued} == {ids["ana"], ids["ben"], ids["cy"]}
    assert [r.language for r in queued if r.chat_id == "ana"] == ["fr"]
    assert len({r.dedup_key for r in queued}) == 3
    again = await one(app, "", choice=confirm)
    assert again.text == "✅ Queued 0 messages. 3 recipients already had this broadcast queued."
    assert len(await rows(app)) == 3
    message = OutboxMessage(queued[0].id, queued[0].dedup_key, "broadcast", "telegram", "ana", "fr", {"text": TEXT})
    rendered = await render_notification(message, SqlNotificationContent(app.engine), GameRules())
    assert [r.text for r in rendered] == [TEXT]


async def test_a_new_broadcast_reaches_newcomers_and_replaces_the_preview(app: App) -> None:
    await seed(app)
    first = button_values(await one(app, "/admin broadcast one"))[0]
    assert (await one(app, "", choice=first)).text == "✅ Queued 3 messages."
    await user(app, "fay", "discord")
    second = button_values(await one(app, "/admin broadcast two"))[0]
    assert second != first
    stale = await one(app, "", choice=first)  # the earlier preview's button was replaced
    assert stale.text == STALE
    assert (await one(app, "", choice=second)).text == "✅ Queued 4 messages."
    assert (await one(app, "", choice=second)).text.startswith("✅ Queued 0 messages. 4 recipients")
    assert len(await rows(app)) == 7


async def test_cancel_forgets_the_preview(app: App) -> None:
    await seed(app)
    confirm, cancel = button_values(await one(app, "/admin broadcast hello"))
    assert (await one(app, "", choice=cancel)).text == "Broadcast cancelled."
    assert (await one(app, "", choice=confirm)).text.startswith("That broadcast is unknown or expired")
    assert await rows(app) == []


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("/admin broadcast", "Write the message after the command: /admin broadcast TEXT"),
        ("/admin broadcast     ", "Write the message after the command: /admin broadcast TEXT"),
        ("/admin broadcast " + "x" * 5000, f"That message has 5000 characters; the limit is {MAX_BROADCAST_CHARS}."),
        ("/admin confirm", "That broadcast is unknown or expired: send /admin broadcast TEXT again."),
        ("/admin confirm 123abc", "That broadcast is unknown or expired: send /admin broadcast TEXT again."),
    ],
)
async def test_bad_broadcasts_are_explained_and_queue_nothing(app: App, text: str, answer: str) -> None:
    await seed(app)
    reply = await one(app, text)
    assert reply.text == answer and reply.buttons == ()
    assert await rows(app) == []


async def test_a_broadcast_at_the_length_limit_is_accepted(app: App) -> None:
    await seed(app)
    text = "é" * MAX_BROADCAST_CHARS
    confirm = button_values(await one(app, f"/admin broadcast {text}"))[0]
    assert (await one(app, "", choice=confirm)).text == "✅ Queued 3 messages."
    assert {json.loads(r.payload)["text"] for r in await rows(app)} == {text}


async def test_without_a_delivering_platform_nothing_is_queued(app: App) -> None:
    await seed(app)
    store = SqlAdminStore(app.engine)
    admins = app.settings.admins
    app.conversation = ModeratedConversation(app.deps, admin_commands(store, admins, []), admins=admins)
    confirm = button_values(await one(app, "/admin broadcast hello"))[0]
    answer = await one(app, "", choice=confirm)
    assert answer.text == "Nothing was queued: no chat platform can deliver messages (set a bot token)."
    assert await rows(app) == []
