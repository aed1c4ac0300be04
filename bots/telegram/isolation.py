"""aiogram's per-chat bookkeeping, kept only while it is used (bounded memory).

aiogram's defaults keep something for every chat key they ever saw, so a bot's memory would grow with each new
person for as long as it runs:

* ``SimpleEventIsolation`` keeps a lock per key ("TODO: Unused locks cleaner is needed"); :class:`ChatIsolation`
  holds :class:`~bots.common.keyed_locks.KeyedLocks`, dropped with their last user;
* ``MemoryStorage`` creates an empty FSM record per key when the FSM middleware reads the state of every update;
  :class:`SparseStorage` stores a key's state and data only while they are not empty. WinStreak keeps its
  conversation state in the database (``chat_states``), not in aiogram's FSM, so nothing is stored here today.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, StateType, StorageKey

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


class SparseStorage(BaseStorage):
    """aiogram FSM storage in memory that keeps no record for a key without state or data."""

    def __init__(self) -> None:
        self.states: dict[StorageKey, str] = {}
        self.data: dict[StorageKey, dict[str, Any]] = {}

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        """Set (or, with None, clear) the key's state."""
        value = state.state if isinstance(state, State) else state
        if value is None:
            self.states.pop(key, None)
        else:
            self.states[key] = value

    async def get_state(self, key: StorageKey) -> str | None:
        """The key's state, or None (nothing is created for asking)."""
        return self.states.get(key)

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        """Set (or, when empty, clear) the key's data."""
        if data:
            self.data[key] = dict(data)
        else:
            self.data.pop(key, None)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        """A copy of the key's data ({} when none)."""
        return dict(self.data.get(key, {}))

    async def close(self) -> None:
        """Forget everything."""
        self.states.clear()
        self.data.clear()
