"""Use case: a message from the operators to every reachable user, queued once per recipient identity.

The dedup key of each outbox message is ``broadcast:<id>:<user>:<platform>``, so confirming the same
broadcast again (a double tap, a second replica) queues nothing new.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.errors import InvalidValue
from core.model.admin import BroadcastOutcome
from core.ports import AdminStore, Clock
from core.rules.admins import broadcast_text
from core.text import N_


async def preview_broadcast(store: AdminStore, text: str, platforms: Sequence[str]) -> tuple[str, int]:
    """The cleaned text and how many identities it would reach now; InvalidValue for empty or too long text."""
    cleaned = broadcast_text(text)
    return cleaned, await store.broadcast_reach(sorted(set(platforms)))


async def send_broadcast(
    store: AdminStore, clock: Clock, broadcast_id: str, text: str, platforms: Sequence[str]
) -> BroadcastOutcome:
    """Queue ``text`` for every active, unblocked user's identity on ``platforms`` (those with a transport)."""
    cleaned = broadcast_text(text)
    if not broadcast_id or len(broadcast_id) > 40:
        raise InvalidValue("broadcast", N_("That broadcast is unknown or expired: send /admin broadcast TEXT again."))
    return await store.enqueue_broadcast(broadcast_id, cleaned, sorted(set(platforms)), clock.now())
