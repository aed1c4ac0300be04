"""The cached readiness probe: one run per period, shared by concurrent callers; a raising probe is not ready."""

from __future__ import annotations

import asyncio

from ops.probe import CachedProbe


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_the_answer_is_reused_until_it_is_older_than_the_period() -> None:
    clock, answers = Clock(), ["down", None]

    async def probe() -> str | None:
        return answers.pop(0)

    check = CachedProbe(probe, seconds=5, clock=clock)
    assert [await check(), await check()] == ["down", "down"] and check.runs == 1
    clock.now += 4.9
    assert await check() == "down" and check.runs == 1
    clock.now += 0.2
    assert await check() is None and check.runs == 2


async def test_callers_arriving_together_share_one_run() -> None:
    release = asyncio.Event()

    async def probe() -> str | None:
        await release.wait()
        return None

    check = CachedProbe(probe, seconds=0, clock=Clock())
    waiting = [asyncio.create_task(check()) for _ in range(5)]
    await asyncio.sleep(0)
    release.set()
    assert await asyncio.gather(*waiting) == [None] * 5 and check.runs == 1


async def test_a_probe_that_raises_is_not_ready_and_asked_again_later() -> None:
    clock, calls = Clock(), []

    async def probe() -> str | None:
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionRefusedError("no")
        return None

    check = CachedProbe(probe, seconds=1, clock=clock)
    assert await check() == "ConnectionRefusedError"
    clock.now += 2
    assert await check() is None
