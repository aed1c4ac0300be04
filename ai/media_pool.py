"""A bounded pool for media work (Whisper, photo decoding, barcode and label reading) off the event loop.

Voice notes and photos cost hundreds of milliseconds to seconds of CPU each; run on the event loop they
would stall every other chat, and queued without bound on the loop's default executor a burst of them
would wait minutes while holding their bytes in memory. :class:`MediaPool` runs them on its own threads
(``workers`` at a time) and admits at most ``waiting`` more jobs in line; a job that finds the line full,
or waits longer than ``wait_seconds`` for a worker, gets :class:`MediaBusy` at once, which the estimator
answers with "busy, try again shortly". A worker slot is given back when the thread's work ends, not when
the awaiting task is cancelled, so cancelled jobs cannot oversubscribe the CPU.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

T = TypeVar("T")


class MediaBusy(Exception):
    """The media pool is full (every worker busy and the line full, or waited too long): try again shortly."""


class MediaPool:
    """``workers`` threads for media jobs, at most ``waiting`` jobs in line, each waiting ``wait_seconds`` at most."""

    def __init__(self, workers: int = 2, waiting: int = 8, wait_seconds: float = 20.0) -> None:
        if workers < 1 or waiting < 0 or wait_seconds <= 0:
            raise ValueError("workers >= 1, waiting >= 0 and wait_seconds > 0")
        self.workers, self.waiting, self.wait_seconds = workers, waiting, wait_seconds
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="media")
        self._free = workers  # workers not running a job
        self._line: list[asyncio.Future[None]] = []  # jobs waiting for a worker, first come first served
        self._loop: asyncio.AbstractEventLoop | None = None
        self.busy_answers = 0  # jobs refused with MediaBusy since start (for /metrics and the load bench)

    @property
    def running(self) -> int:
        """Jobs running on a worker now."""
        return self.workers - self._free

    @property
    def queued(self) -> int:
        """Jobs waiting for a worker now."""
        return len(self._line)

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """``fn(*args)`` on a worker thread; raises :class:`MediaBusy` when the pool cannot take it soon."""
        self._loop = asyncio.get_running_loop()
        await self._take_worker()
        future = self._executor.submit(partial(fn, *args))
        future.add_done_callback(lambda _: self._give_back())
        return await asyncio.wrap_future(future)

    async def _take_worker(self) -> None:
        if self._free > 0 and not self._line:
            self._free -= 1
            return
        if len(self._line) >= self.waiting:
            self.busy_answers += 1
            raise MediaBusy
        assert self._loop is not None
        turn: asyncio.Future[None] = self._loop.create_future()
        self._line.append(turn)
        try:
            await asyncio.wait_for(asyncio.shield(turn), self.wait_seconds)
        except TimeoutError:
            if turn.done() and not turn.cancelled():  # handed a worker just as the wait ended: give it on
                self._release()
            else:
                self._line.remove(turn)
            self.busy_answers += 1
            raise MediaBusy from None
        except asyncio.CancelledError:
            if turn in self._line:
                self._line.remove(turn)
            elif turn.done() and not turn.cancelled():
                self._release()
            raise

    def _give_back(self) -> None:
        """Called on the worker thread when a job ends: hand its slot on from the event loop."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._release)

    def _release(self) -> None:
        while self._line:
            turn = self._line.pop(0)
            if not turn.done():
                turn.set_result(None)  # the slot passes straight to the next in line
                return
        self._free += 1

    def close(self) -> None:
        """Stop the threads once the running jobs end (jobs still in line get MediaBusy or are cancelled)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
