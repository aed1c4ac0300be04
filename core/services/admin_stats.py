"""Use case: the service figures an operator asks for with ``/admin stats``."""

from __future__ import annotations

from core.model.admin import AdminStats
from core.ports import AdminStore, Clock


async def admin_stats(store: AdminStore, clock: Clock) -> AdminStats:
    """Users, meals, groups and outbox figures as of now."""
    return await store.stats(clock.now())
