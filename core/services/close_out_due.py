"""Use case: close, set-based, every day whose grace period has passed, across all time zones."""

from __future__ import annotations

from datetime import datetime

from core.events import DaysClosedInBulk, RankChanged, TrophyUnlocked
from core.ports import BulkCloser
from core.rules.game_rules import GameRules
from core.rules.grace import zones_by_day

BulkEvent = DaysClosedInBulk | TrophyUnlocked | RankChanged


async def close_out_due(closer: BulkCloser, now: datetime, rules: GameRules) -> list[BulkEvent]:
    """One set-based close-out per local day that became closable somewhere; safe to run every few minutes.

    Users already closed for their day are skipped by the storage, so repeated runs add nothing. Each
    :class:`DaysClosedInBulk` is followed by the trophies and rank changes of its zones, to announce.
    """
    await closer.resume()
    events: list[BulkEvent] = []
    for day, zones in sorted(zones_by_day(await closer.user_zones(), now, rules).items()):
        users, trophies, ranks = await closer.close_out(day, zones)
        events.append(DaysClosedInBulk(day, users, trophies, ranks))
        if trophies or ranks:
            events += await closer.events_of_day(day, zones)
    return events
