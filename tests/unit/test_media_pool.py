"""The media pool: jobs run off the event loop, at most ``workers`` at once, a full line answers MediaBusy."""

from __future__ import annotations

import asyncio
import threading

import pytest

from ai import notes
from ai.estimator import CompositeEstimator
from ai.media_pool import MediaBusy, MediaPool
from ai.whisper_local import WhisperSpeechToText
from core.model.estimate import Estimate


class _Text:
    async def from_text(self, text: str, language: str) -> Estimate:
        return Estimate(())

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        return Estimate(())

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        return Estimate(())


def _blocker(gate: threading.Event, ran: list[str], name: str) -> str:
    ran.append(name)
    if not gate.wait(30):
        raise RuntimeError("the test never opened the gate")
    return name


async def _until(condition: object) -> None:
    for _ in range(2000):
        if callable(condition) and condition():
            return
        await asyncio.sleep(0.005)
    raise AssertionError("condition never held")


async def test_jobs_run_on_threads_while_the_loop_keeps_serving() -> None:
    pool, gate = MediaPool(workers=1, waiting=1), threading.Event()
    ran: list[str] = []
    first = asyncio.create_task(pool.run(_blocker, gate, ran, "a"))
    await _until(lambda: ran == ["a"])
    ticks = 0
    for _ in range(5):  # the loop is free while the job blocks its thread
        await asyncio.sleep(0)
        ticks += 1
    assert ticks == 5 and not first.done() and pool.running == 1
    gate.set()
    assert await first == "a"
    pool.close()


async def test_a_full_line_answers_busy_at_once_and_the_queued_job_runs_later() -> None:
    pool, gate = MediaPool(workers=1, waiting=1), threading.Event()
    ran: list[str] = []
    first = asyncio.create_task(pool.run(_blocker, gate, ran, "a"))
    await _until(lambda: pool.running == 1)
    second = asyncio.create_task(pool.run(_blocker, gate, ran, "b"))
    await _until(lambda: pool.queued == 1)
    with pytest.raises(MediaBusy):
        await pool.run(_blocker, gate, ran, "c")  # the worker busy and the line full
    assert ran == ["a"] and pool.busy_answers == 1  # "c" never ran; "b" waits its turn
    gate.set()
    assert [await first, await second] == ["a", "b"]
    assert ran == ["a", "b"] and pool.running == 0 and pool.queued == 0
    pool.close()


async def test_a_job_that_waits_too_long_gets_busy_and_leaves_the_line() -> None:
    pool, gate = MediaPool(workers=1, waiting=4, wait_seconds=0.05), threading.Event()
    ran: list[str] = []
    first = asyncio.create_task(pool.run(_blocker, gate, ran, "a"))
    await _until(lambda: pool.running == 1)
    with pytest.raises(MediaBusy):
        await pool.run(_blocker, gate, ran, "late")
    assert pool.queued == 0 and ran == ["a"]
    gate.set()
    await first
    assert await pool.run(str.upper, "x") == "X"  # the slot came back
    pool.close()


async def test_a_cancelled_caller_keeps_the_worker_until_its_thread_ends() -> None:
    pool, gate = MediaPool(workers=1, waiting=2), threading.Event()
    ran: list[str] = []
    first = asyncio.create_task(pool.run(_blocker, gate, ran, "a"))
    await _until(lambda: pool.running == 1)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    assert pool.running == 1  # the thread still works: no second job may start beside it
    second = asyncio.create_task(pool.run(_blocker, gate, ran, "b"))
    await _until(lambda: pool.queued == 1)
    assert ran == ["a"]
    gate.set()
    assert await second == "b"
    pool.close()


async def test_the_estimator_answers_busy_for_voice_and_photo_when_the_pool_is_full() -> None:
    pool, gate = MediaPool(workers=1, waiting=0), threading.Event()
    ran: list[str] = []
    holder = asyncio.create_task(pool.run(_blocker, gate, ran, "a"))
    await _until(lambda: pool.running == 1)
    estimator = CompositeEstimator(_Text(), speech=WhisperSpeechToText(pool=pool), pool=pool)
    voice = await estimator.from_voice(b"OggS not decoded: the pool refuses first", "en")
    photo = await estimator.from_photo(b"\x89PNG not opened either", "2 bars", "en")
    assert voice.items == () and voice.notes == (notes.MEDIA_BUSY,)
    assert photo.items == () and photo.notes == (notes.MEDIA_BUSY,)
    gate.set()
    await holder
    pool.close()


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        MediaPool(workers=0)
    with pytest.raises(ValueError):
        MediaPool(waiting=-1)


def test_text_only_bots_do_not_load_the_media_readers() -> None:
    import subprocess
    import sys

    from ai import estimator, images

    assert estimator.MAX_PIXELS == images.MAX_PIXELS
    heavy = "{'av', 'numpy', 'PIL', 'zxingcpp', 'httpx'}"
    probe = f"import sys, ai.estimator, winstreak.ai_wiring; print(sorted({heavy} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"  # Pillow, PyAV, numpy, zxing-cpp load with the first photo or voice note (about 35 MB)
