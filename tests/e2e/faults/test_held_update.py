"""A delivery of an update that another (live) process is still working on is answered 503, not 200.

Telegram then delivers it again later: by then it is done (a duplicate: 200, not processed again), or released
after a failure (processed), or its claim expired because the other process died (taken over, processed).
Here the other process is stood in for by claiming the update id in the database directly (PostgreSQL).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage.chat.updates import SqlUpdateLog
from tests.e2e.faults.traffic import answered, people
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App

pytestmark = pytest.mark.postgres


def other_process(app: App) -> SqlUpdateLog:
    return SqlUpdateLog(app.sessions, "telegram", timedelta(seconds=30))


async def test_a_held_update_is_refused_until_done_then_acknowledged_as_a_duplicate(
    webhook: StandInBotAPI, wired: App
) -> None:
    (person,) = people(webhook, 1, first_id=8700)
    update = webhook.update(message=webhook.message(person.chat, person.user, text="soup 300 kcal"))
    other = other_process(wired)
    assert await other.claim(update["update_id"], datetime.now(UTC)) == "claimed"
    assert await webhook.deliver(update, attempts=2) == [503, 503]
    await other.finish(update["update_id"])
    assert await webhook.deliver(update, attempts=2) == [503, 503, 200]
    assert answered(webhook) == []  # the other process answered it (here: nobody); this one never did


async def test_a_held_update_released_after_a_failure_is_processed_on_redelivery(
    webhook: StandInBotAPI, wired: App
) -> None:
    (person,) = people(webhook, 1, first_id=8710)
    update = webhook.update(message=webhook.message(person.chat, person.user, text="soup 300 kcal"))
    other = other_process(wired)
    assert await other.claim(update["update_id"], datetime.now(UTC)) == "claimed"
    assert await webhook.deliver(update, attempts=1) == [503]
    await other.release(update["update_id"])
    assert await webhook.deliver(update, attempts=1) == [503, 200]
    replies = answered(webhook)
    assert len(replies) == 1 and "300" in replies[0].text


async def test_a_claim_not_renewed_past_its_lease_is_taken_over(webhook: StandInBotAPI, wired: App) -> None:
    (person,) = people(webhook, 1, first_id=8720)
    update = webhook.update(message=webhook.message(person.chat, person.user, text="soup 300 kcal"))
    dead = other_process(wired)
    assert await dead.claim(update["update_id"], datetime.now(UTC) - timedelta(minutes=1)) == "claimed"
    assert await webhook.deliver(update, attempts=1) == [200]  # its lease (30 s) ran out a while ago
    replies = answered(webhook)
    assert len(replies) == 1 and "300" in replies[0].text
