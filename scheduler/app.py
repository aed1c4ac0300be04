"""APScheduler wiring: the 15-minute close-out, the one-minute enqueue, the two-second outbox drain.

Each job runs through a :class:`SingleRun` guard: when a run is still going (a long send batch), the next
tick returns at once instead of piling up, so APScheduler never logs "maximum number of running instances
reached"; each run's duration goes to the ``winstreak_job_seconds`` histogram. Several processes may run
this schedule at once, because every job is idempotent (see :mod:`scheduler.jobs`). On stop, the runs in
flight are awaited (bounded) before the caller closes the database.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from ops.metrics import ERRORS, JOB_SECONDS
from scheduler.jobs import SchedulerJobs

log = logging.getLogger(__name__)
STOP_SECONDS = 30.0  # how long a stop waits for the job runs in flight


class SingleRun:
    """One run of a job at a time: a tick that finds a run going is skipped (at debug level)."""

    def __init__(self, name: str, job: Callable[[], Awaitable[Any]]) -> None:
        self.name = name
        self.job = job
        self.lock = asyncio.Lock()

    async def run(self) -> None:
        """Run the job unless a run is in flight; time it, log a failure (the next tick tries again)."""
        if self.lock.locked():
            log.debug("job still running: tick skipped", extra={"job": self.name})
            return
        async with self.lock:
            started = time.perf_counter()
            try:
                await self.job()
            except Exception:
                ERRORS.labels(f"job:{self.name}").inc()
                log.exception("job failed", extra={"job": self.name})
            finally:
                JOB_SECONDS.labels(self.name).observe(time.perf_counter() - started)

    async def finished(self) -> None:
        """Wait for the run in flight, if any."""
        async with self.lock:
            return


def guarded_jobs(jobs: SchedulerJobs) -> dict[str, SingleRun]:
    """The three jobs, each behind its guard."""
    return {
        "close_days": SingleRun("close_days", jobs.close_days),
        "enqueue_due": SingleRun("enqueue_due", jobs.enqueue_due),
        "drain": SingleRun("drain", jobs.drain),
    }


def build_scheduler(
    jobs: SchedulerJobs, *, drain_seconds: float = 2.0, guards: dict[str, SingleRun] | None = None
) -> AsyncIOScheduler:
    """An AsyncIOScheduler with the three jobs (started by the caller inside its event loop)."""
    guards = guards or guarded_jobs(jobs)
    # max_instances=2: the second instance is the guard's instant skip, never a warning
    scheduler = AsyncIOScheduler(timezone="UTC", job_defaults={"coalesce": True, "max_instances": 2})
    # bound coroutine methods: APScheduler awaits them on the event loop (a callable object would go to a thread)
    scheduler.add_job(guards["close_days"].run, IntervalTrigger(minutes=15), id="close_days", name="close days")
    scheduler.add_job(guards["enqueue_due"].run, IntervalTrigger(minutes=1), id="enqueue_due", name="enqueue due")
    scheduler.add_job(guards["drain"].run, IntervalTrigger(seconds=drain_seconds), id="drain", name="drain outbox")
    return scheduler


async def run_scheduler(jobs: SchedulerJobs, stop: asyncio.Event | None = None) -> None:
    """Run the schedule until ``stop`` is set; the first close-out and enqueue happen right away."""
    guards = guarded_jobs(jobs)
    scheduler = build_scheduler(jobs, guards=guards)
    scheduler.start()
    try:
        await guards["close_days"].run()
        await guards["enqueue_due"].run()
        await (stop or asyncio.Event()).wait()
    finally:
        scheduler.shutdown(wait=False)
        try:
            await asyncio.wait_for(asyncio.gather(*(guard.finished() for guard in guards.values())), STOP_SECONDS)
        except TimeoutError:
            log.warning("stopped with a job run still in flight")
