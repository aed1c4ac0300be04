"""Two scheduler processes over a simulated day and a half: 2,000 users and 20 groups across many time zones.

One user in eight and one group in four are on Discord (DMs and server channels, through the real discord.py
client to the stand-in Discord), the rest on Telegram (the real aiogram client to the stand-in Bot API).
Every expected message reaches its stand-in exactly once, and was enqueued at the right local time.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.engine import make_engine
from storage.models import UserRow
from storage.outbox.tables import OutboxRow
from tests.e2e.discord.standin import StandInDiscord
from tests.e2e.scheduler import population
from tests.e2e.scheduler.population import END, START, STEP, chat_of_user, expected_keys, populate
from tests.e2e.telegram.standin import StandInBotAPI


@pytest.fixture
async def discord_standin() -> AsyncIterator[StandInDiscord]:
    api = await StandInDiscord().start()
    try:
        yield api
    finally:
        await api.stop()


async def run_worker(*args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.e2e.scheduler.worker",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


def discord_deliveries(standin: StandInDiscord) -> tuple[Counter[str], dict[str, list[str]]]:
    """Messages per recipient (a DM counts for the user it was opened with, a post for its channel), and texts."""
    dm_owner = {
        str(c.result["id"]): str(c.payload["recipient_id"])
        for c in standin.requests(r"POST /api/v10/users/@me/channels")
    }
    per_chat: Counter[str] = Counter()
    texts: dict[str, list[str]] = {}
    for call in standin.sent():
        match = re.fullmatch(r"/api/v10/channels/(\d+)/messages", call.path)
        assert match, call.path
        chat = dm_owner.get(match.group(1), match.group(1))
        per_chat[chat] += 1
        texts.setdefault(chat, []).append(call.text)
    return per_chat, texts


async def load(url: str) -> tuple[list[Any], dict[int, str]]:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            rows = list((await conn.execute(select(OutboxRow))).all())
            zones = {uid: tz for uid, tz in (await conn.execute(select(UserRow.id, UserRow.timezone))).all()}
    finally:
        await engine.dispose()
    return rows, zones


@pytest.mark.slow
async def test_two_schedulers_deliver_every_message_exactly_once_on_time(
    pg_url: str, standin: StandInBotAPI, discord_standin: StandInDiscord
) -> None:
    await populate(pg_url)
    args = (pg_url, standin.base, START.isoformat(), END.isoformat(), "15")
    extra = ("120", "1000", discord_standin.base)
    workers = [await run_worker(*args, "alpha", *extra), await run_worker(*args, "beta", *extra)]
    work = []  # (messages enqueued, messages sent) by each process
    for worker in workers:
        out, err = await asyncio.wait_for(worker.communicate(), timeout=1500)
        assert worker.returncode == 0, err.decode()[-3000:]
        done = re.search(rb"done enqueued=(\d+) sent=(\d+)", out)
        assert done, out
        work.append((int(done.group(1)), int(done.group(2))))

    rows, zones = await load(pg_url)
    keys = {r.dedup_key for r in rows}
    assert keys == expected_keys()
    assert {r.status for r in rows} == {"sent"}
    # Both processes did real work; each message was enqueued by one of them and sent by one of them.
    assert all(enqueued + sent > 0 for enqueued, sent in work), work
    assert sum(e for e, _ in work) == sum(s for _, s in work) == len(rows), work
    by_platform = Counter(r.platform for r in rows)
    assert by_platform["discord"] > len(rows) / 12 and by_platform["telegram"] > len(rows) / 2

    sent = Counter(int(call.params["chat_id"]) for call in standin.sent(("sendMessage",)))
    assert sent == Counter(int(r.chat_id) for r in rows if r.platform == "telegram")  # each once: none lost or twice
    discord_sent, discord_texts = discord_deliveries(discord_standin)
    assert discord_sent == Counter(r.chat_id for r in rows if r.platform == "discord")
    discord_groups = {g for g in range(1, population.GROUPS + 1) if population.group_platform(g) == "discord"}
    assert {r.group_id for r in rows if r.platform == "discord" and r.group_id} == discord_groups

    for row in rows:  # enqueued within one tick (15 minutes) of the local time it was due, sent after that
        assert row.sent_at >= row.created_at, row
        kind, owner, day = row.dedup_key.split(":")
        if kind == "group_daily":
            continue
        local = row.created_at.astimezone(ZoneInfo(zones[int(owner)]))
        due = time(20) if kind == "reminder" else (time(7, 30) if int(owner) % 5 == 0 else time(8))
        shown_day = date.fromisoformat(day) + timedelta(days=0 if kind == "reminder" else 1)
        assert local.date() == shown_day and due <= local.time(), row
        if row.created_at > START:  # at the first tick, messages already due are caught up
            assert local.time() < (datetime.combine(shown_day, due) + STEP).time(), row
    french_telegram = [c.text for c in standin.sent(("sendMessage",)) if int(c.params["chat_id"]) == 100_020]
    french_discord = discord_texts[chat_of_user(10)]
    for french in (french_telegram, french_discord):
        assert french and any("Vous n’avez rien noté" in t or "Votre résultat" in t for t in french)
