"""/deleteme leaves nothing: every table of the schema is reflected and searched for the user (SQLite, PostgreSQL).

The user touches every feature first (meals, weights, a linked second platform, a pending estimate, a group and
its league, reminders, link codes, a block placed as an operator, queued messages, a day close-out), and the test
checks those rows exist before the deletion, so it cannot pass by finding nothing to begin with. Tables are
found by reflection, so a table added later is searched too.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bots.common.buttons import untagged
from bots.common.messages import Incoming, Reply
from bots.console.chat import run_console
from core.model.outbox import NewMessage
from core.rules.game_rules import GameRules
from storage.gamification.closeout import SqlBulkCloser
from storage.outbox.repository import SqlOutbox
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import App, build_app
from winstreak.settings import load_settings

TG, DC, NAME = "424242", "535353", "Zed Qxvictim"
OTHER, OPERATOR = "616161", "9000"
MARKERS = (TG, DC, "Qxvictim")  # the victim's platform ids and name: no text anywhere may contain them
PROFILE = "/profile sex=male born=1980 height=180 weight=80 activity=light goal=lose rate=0.5 tz=UTC"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


async def say(app: App, text: str, who: str = TG, platform: str = "telegram", **kw: Any) -> list[Reply]:
    chat = str(kw.pop("chat", who))
    msg = Incoming(platform, chat, who, NAME if who in (TG, DC) else "Other", text=text, **kw)
    return await app.conversation.handle(msg)


def button(replies: list[Reply], value: str) -> str:
    return next(b.value for r in replies for b in r.flat_buttons if untagged(b.value) == value)


async def references(
    engine: AsyncEngine, user_id: int, markers: tuple[str, ...] = (TG, DC, "Qxvictim")
) -> dict[str, int]:
    """table → how many rows name the user: their id in a user column, or a platform id / name in any text."""
    metadata = MetaData()
    async with engine.connect() as conn:
        await conn.run_sync(metadata.reflect)
        found: dict[str, int] = {}
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            user_columns = {
                c.name
                for c in table.columns
                if c.name.endswith("user_id") or any(fk.column.table.name == "users" for fk in c.foreign_keys)
            }
            if table.name == "users":
                user_columns.add("id")
            for row in (await conn.execute(select(table))).mappings():
                named = any(row[c] == user_id for c in user_columns) or any(
                    isinstance(v, str) and any(m in v for m in markers) for v in row.values()
                )
                if named:
                    found[table.name] = found.get(table.name, 0) + 1
    return found


async def use_everything(app: App) -> int:
    await say(app, PROFILE)
    await say(app, PROFILE, OTHER)
    await say(app, "/weight 79.5")
    soup = await say(app, "soup 300 kcal")
    saved = await say(app, "", choice=button(soup, "save"))
    star = next(b.value for r in saved for b in r.flat_buttons if untagged(b.value).startswith("/fav add "))
    assert "Kept as the favourite" in (await say(app, "", choice=star))[0].text  # a row in favourites
    ran = await say(app, "I ran 5 km")
    assert "Saved running" in (await say(app, "", choice=button(ran, "/exercise save")))[0].text  # exercises
    await say(app, "/settings exercise on")  # exercise_settings
    code = (await say(app, "/link"))[0].text.split("\n")[0].rsplit(" ", 1)[1]
    assert "Linked" in (await say(app, f"/link {code}", DC, "discord"))[0].text
    await say(app, "apple 52 kcal", DC, "discord")  # pending on the second platform: a chat state row
    await say(app, "/setup Gym", chat="-777", is_group=True)
    await say(app, "/join", chat="-777", is_group=True)
    await say(app, "/join", OTHER, chat="-777", is_group=True)
    await say(app, "/settings reminders 21:30")
    await say(app, "/link")  # a code left unused
    async with app.uow() as uow:
        victim, other = await uow.users.by_identity("telegram", TG), await uow.users.by_identity("telegram", OTHER)
    assert victim is not None and other is not None
    await say(app, f"/admin block {int(other.id)}")  # the victim is an operator too: their name on a block
    await SqlOutbox(app.engine).enqueue(
        [
            NewMessage("test:reminder", "reminder", "telegram", TG, "en", NOW, {}),
            NewMessage("test:result", "daily_result", "discord", DC, "en", NOW, {}, user_id=victim.id),
        ]
    )
    await SqlBulkCloser(app.engine, GameRules()).close_out(date(2026, 3, 10), None)
    return int(victim.id)


async def test_deleteme_leaves_no_row_that_names_the_user(db_url: str, tmp_path: Path) -> None:
    admins = f"telegram:{TG}, telegram:{OPERATOR}"
    settings = load_settings(data_dir=tmp_path, database_url=db_url, admins=admins, _env_file=None)
    app = await build_app(settings, clock=FixedClock(NOW), migrate=False)
    try:
        victim = await use_everything(app)
        before = await references(app.engine, victim)
        expected = {"users", "identities", "meals", "weights", "chat_states", "link_codes", "group_members"}
        expected |= {"notification_prefs", "outbox", "user_blocks", "day_results", "user_stats", "favourites"}
        expected |= {"exercises", "exercise_settings"}
        assert expected <= set(before), before
        other = victim + 1
        other_before = await references(app.engine, other, (OTHER,))
        assert {"users", "identities", "chat_states", "user_blocks", "group_members"} <= set(other_before)
        ask = await say(app, "/deleteme")
        done = await say(app, "", choice=button(ask, "/deleteme confirm"))
        assert "everything about you is deleted" in done[0].text
        assert await references(app.engine, victim) == {}
        assert await references(app.engine, other, (OTHER,)) == other_before  # nobody else lost anything
        async with app.uow() as uow:
            assert await uow.users.by_identity("telegram", OTHER) is not None
    finally:
        await app.close()


async def test_the_terminal_forgets_the_saved_pictures_of_a_deleted_account(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, _env_file=None)
    app = await build_app(settings, clock=FixedClock(NOW))
    pictures = tmp_path / "pictures"
    lines = "/weight 80\n/weight\n"
    try:
        for who in ("ana", "ana_b"):
            await run_console(
                app.conversation, who, io.StringIO(lines), io.StringIO(), interactive=False, image_dir=pictures
            )
        assert {p.name.split("-")[0] for p in pictures.iterdir()} == {"ana", "ana_b"}
        out = io.StringIO()
        await run_console(
            app.conversation, "ana", io.StringIO("/deleteme\n1\n"), out, interactive=False, image_dir=pictures
        )
        assert "everything about you is deleted" in out.getvalue()
        assert {p.name.split("-")[0] for p in pictures.iterdir()} == {"ana_b"}
    finally:
        await app.close()
