"""aiogram event isolation by person and chat whose locks do not outlive their use (bounded memory).

aiogram's ``SimpleEventIsolation`` keeps a lock for every chat key it ever saw: a bot's memory would grow
with each new person for as long as it runs. This one holds :class:`~bots.common.keyed_locks.KeyedLocks`.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from aiogram.fsm.storage.base import BaseEventIsolation, StorageKey

from bots.common.keyed_locks import KeyedLocks


class ChatIsolation(BaseEventIsolation):
    """One update at a time per person and chat (the dispatcher's FSM key), the lock dropped when unused."""

    def __init__(self) -> None:
        self.locks = KeyedLocks()

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        """Run the update's handling alone for its key."""
        async with self.locks.hold(key):
            yield

    async def close(self) -> None:
        """Nothing to release: locks go with their last user."""
