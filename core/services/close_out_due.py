"""Use case: close, set-based, every day whose grace period has passed, across all time zones."""

from __future__ import annotations

from datetime import datetime

from core.gamification_events import DaysClosedInBulk
from core.gamification_ports import BulkCloser
from core.rules.game_rules import GameRules
from core.rules.grace import zones_by_day


async def close_out_due(closer: BulkCloser, now: datetime, rules: GameRules) -> list[DaysClosedInBulk]:
    """One set-based close-out per local day that became closable somewhere; safe to run every few minutes.

    Users already closed for their day are skipped by the storage, so repeated runs add nothing.
    """
    await closer.resume()
    events = []
    for day, zones in sorted(zones_by_day(await closer.user_zones(), now, rules).items()):
        users, trophies, ranks = await closer.close_out(day, zones)
        events.append(DaysClosedInBulk(day, users, trophies, ranks))
    return events
