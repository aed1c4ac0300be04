"""The collector pause of a start (ops/collector.py): off inside, back on and the start's objects frozen after."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from ops.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_off_inside_back_on_after_with_what_was_made_frozen() -> None:
    gc.enable()
    gc.unfreeze()
    with collector_paused():
        assert not gc.isenabled()
        made = [[index] for index in range(1000)]  # lists: containers the collector tracks
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)


def test_back_on_when_the_start_fails() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("start failed")
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_cycles_made_after_the_start_are_collected() -> None:
    gc.enable()
    with collector_paused():
        pass
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1
