"""A sender killed with SIGKILL in the middle of draining: after a restart nothing is lost.

At most the one message that was on the wire at the instant of the kill can arrive twice (Telegram has no
idempotency key); every other message arrives exactly once.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from core.model.outbox import NewMessage
from storage.engine import make_engine
from storage.outbox.repository import SqlOutbox
from storage.outbox.tables import OutboxRow
from tests.e2e.telegram.standin import StandInBotAPI

NOW = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)
MESSAGES = 400


async def drainer(url: str, base: str, name: str, lease: str, rate: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.e2e.scheduler.worker",
        url,
        base,
        NOW.isoformat(),
        NOW.isoformat(),
        "15",
        name,
        lease,
        rate,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.slow
async def test_sigkill_mid_drain_then_restart_loses_nothing(db_url: str, standin: StandInBotAPI) -> None:
    engine = make_engine(db_url)
    try:
        outbox = SqlOutbox(engine)
        await outbox.enqueue(
            [
                NewMessage(
                    f"broadcast:{n}", "broadcast", "telegram", str(200_000 + n), "en", NOW, {"text": f"hello {n}"}
                )
                for n in range(MESSAGES)
            ]
        )
        first = await drainer(db_url, standin.base, "doomed", "1", "100")
        while len(standin.sent(("sendMessage",))) < MESSAGES // 4:
            await asyncio.sleep(0.05)
            assert first.returncode is None, (await first.communicate())[1].decode()[-2000:]
        first.send_signal(signal.SIGKILL)
        await first.wait()
        assert first.returncode == -signal.SIGKILL
        before_restart = len(standin.sent(("sendMessage",)))
        assert before_restart < MESSAGES  # it really died mid-drain
        await asyncio.sleep(1.5)  # the dead worker's lease (1 s) runs out
        second = await drainer(db_url, standin.base, "survivor", "1", "1000")
        _out, err = await asyncio.wait_for(second.communicate(), timeout=300)
        assert second.returncode == 0, err.decode()[-2000:]

        texts = Counter(call.text for call in standin.sent(("sendMessage",)))
        assert set(texts) == {f"hello {n}" for n in range(MESSAGES)}  # nothing lost
        assert sum(texts.values()) - MESSAGES <= 1  # at most the message in flight at the kill
        async with engine.connect() as conn:
            statuses = Counter((await conn.execute(select(OutboxRow.status))).scalars())
        assert statuses == {"sent": MESSAGES}
    finally:
        await engine.dispose()
