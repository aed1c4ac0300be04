"""Use case: the service figures an operator asks for with ``/admin stats``."""

from __future__ import annotations

from core.admin_ports import AdminStore
from core.model.admin import AdminStats
from core.ports import Clock


async def admin_stats(store: AdminStore, clock: Clock) -> AdminStats:
    """Users, meals, groups and outbox figures as of now."""
    return await store.stats(clock.now())
