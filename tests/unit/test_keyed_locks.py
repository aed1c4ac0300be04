"""KeyedLocks, the Telegram ChatIsolation and SparseStorage: one holder per key, nothing kept once unused."""

from __future__ import annotations

import asyncio

from aiogram.fsm.storage.base import StorageKey

from bots.common.keyed_locks import KeyedLocks
from bots.telegram.isolation import ChatIsolation, SparseStorage


async def test_one_holder_per_key_and_other_keys_run_meanwhile() -> None:
    locks = KeyedLocks()
    events: list[str] = []
    first_in = asyncio.Event()
    release = asyncio.Event()

    async def first() -> None:
        async with locks.hold("a"):
            events.append("a1 in")
            first_in.set()
            await release.wait()
            events.append("a1 out")

    async def second() -> None:
        await first_in.wait()
        async with locks.hold("a"):
            events.append("a2 in")

    async def other() -> None:
        await first_in.wait()
        async with locks.hold("b"):
            events.append("b in")
        release.set()

    await asyncio.gather(first(), second(), other())
    assert events == ["a1 in", "b in", "a1 out", "a2 in"]  # b did not wait for a; a2 waited for a1
    assert len(locks) == 0


async def test_a_waiter_keeps_the_key_until_the_last_user_leaves() -> None:
    locks = KeyedLocks()
    inside = asyncio.Event()
    release = asyncio.Event()

    async def holder() -> None:
        async with locks.hold("k"):
            inside.set()
            await release.wait()

    async def waiter() -> None:
        await inside.wait()
        async with locks.hold("k"):
            pass

    tasks = [asyncio.create_task(holder()), asyncio.create_task(waiter())]
    await inside.wait()
    await asyncio.sleep(0)
    assert len(locks) == 1
    release.set()
    await asyncio.gather(*tasks)
    assert len(locks) == 0


async def test_a_failing_block_releases_and_forgets_its_key() -> None:
    locks = KeyedLocks()
    try:
        async with locks.hold("k"):
            raise ValueError("boom")
    except ValueError:
        pass
    assert len(locks) == 0
    async with locks.hold("k"):  # not left locked
        assert len(locks) == 1


async def test_chat_isolation_keeps_no_lock_for_chats_seen_before() -> None:
    isolation = ChatIsolation()
    for chat in range(1_000):  # a thousand people, each one update
        async with isolation.lock(StorageKey(bot_id=1, chat_id=chat, user_id=chat)):
            assert len(isolation.locks) == 1
    assert len(isolation.locks) == 0
    await isolation.close()


async def test_sparse_storage_creates_nothing_when_asked_and_keeps_what_is_set() -> None:
    storage = SparseStorage()
    for chat in range(1_000):  # what aiogram's FSM middleware does on every update: read the state
        assert await storage.get_state(StorageKey(bot_id=1, chat_id=chat, user_id=chat)) is None
    assert storage.states == {} and storage.data == {}
    key = StorageKey(bot_id=1, chat_id=5, user_id=5)
    await storage.set_state(key, "asking")
    await storage.set_data(key, {"n": 1})
    got = await storage.get_data(key)
    got["n"] = 2  # a copy: the stored data is unchanged
    assert await storage.get_state(key) == "asking" and await storage.get_data(key) == {"n": 1}
    await storage.set_state(key, None)
    await storage.set_data(key, {})
    assert storage.states == {} and storage.data == {}
    await storage.close()
