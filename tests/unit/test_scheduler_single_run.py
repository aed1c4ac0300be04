"""The scheduler's job guard: a long run is never overlapped and APScheduler never warns about it."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, cast

import pytest

from scheduler.app import SingleRun, build_scheduler
from scheduler.jobs import SchedulerJobs


class SlowJobs:
    def __init__(self) -> None:
        self.running = 0
        self.most = 0
        self.runs = 0
        self.release = asyncio.Event()

    async def drain(self) -> None:
        self.running += 1
        self.most = max(self.most, self.running)
        self.runs += 1
        try:
            await self.release.wait()
        finally:
            self.running -= 1

    async def idle(self) -> None:
        return None


async def test_a_tick_during_a_run_is_skipped_and_the_run_is_awaited_on_stop() -> None:
    jobs = SlowJobs()
    guard = SingleRun("drain", jobs.drain)
    first = asyncio.create_task(guard.run())
    await asyncio.sleep(0)
    await guard.run()  # returns at once: a run is in flight
    assert jobs.runs == 1
    jobs.release.set()
    await guard.finished()
    await first
    assert jobs.most == 1


async def test_a_failing_run_is_logged_and_the_next_tick_runs(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    async def flaky() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database gone")

    guard = SingleRun("enqueue_due", flaky)
    with caplog.at_level(logging.ERROR):
        await guard.run()
        await guard.run()
    assert len(calls) == 2
    assert [r.job for r in caplog.records if r.message == "job failed"] == ["enqueue_due"]  # type: ignore[attr-defined]


async def test_a_long_drain_gives_no_maximum_instances_warning(caplog: pytest.LogCaptureFixture) -> None:
    jobs = SlowJobs()
    guards = {name: SingleRun(name, jobs.idle) for name in ("close_days", "enqueue_due")}
    guards["drain"] = SingleRun("drain", jobs.drain)
    scheduler = build_scheduler(cast(SchedulerJobs, cast(Any, jobs)), drain_seconds=0.05, guards=guards)
    with caplog.at_level(logging.WARNING, logger="apscheduler"):
        scheduler.start()
        try:
            for _ in range(200):
                if jobs.runs:
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.6)  # a dozen ticks while the first drain is still running
        finally:
            jobs.release.set()
            scheduler.shutdown(wait=False)
            await guards["drain"].finished()
    assert jobs.most == 1 and jobs.runs == 1
    assert "maximum number of running instances" not in caplog.text
