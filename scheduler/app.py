"""APScheduler wiring: the 15-minute close-out, the one-minute enqueue, the two-second outbox drain.

``coalesce`` and ``max_instances=1`` keep a slow run from piling up; several processes may run this
schedule at once, because every job is idempotent (see :mod:`scheduler.jobs`).
"""

from __future__ import annotations

import asyncio
import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.jobs import SchedulerJobs

log = logging.getLogger(__name__)


def build_scheduler(jobs: SchedulerJobs, *, drain_seconds: float = 2.0) -> AsyncIOScheduler:
    """An AsyncIOScheduler with the three jobs (started by the caller inside its event loop)."""
    scheduler = AsyncIOScheduler(timezone="UTC", job_defaults={"coalesce": True, "max_instances": 1})
    scheduler.add_job(jobs.close_days, IntervalTrigger(minutes=15), id="close_days", name="close days")
    scheduler.add_job(jobs.enqueue_due, IntervalTrigger(minutes=1), id="enqueue_due", name="enqueue due messages")
    scheduler.add_job(jobs.drain, IntervalTrigger(seconds=drain_seconds), id="drain", name="drain the outbox")
    return scheduler


async def run_scheduler(jobs: SchedulerJobs, stop: asyncio.Event | None = None) -> None:
    """Run the schedule until ``stop`` is set; the first close-out and enqueue happen right away."""
    scheduler = build_scheduler(jobs)
    scheduler.start()
    try:
        await jobs.tick()
        await (stop or asyncio.Event()).wait()
    finally:
        scheduler.shutdown(wait=False)
