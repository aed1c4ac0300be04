"""The collector pause of a start (ops/collector.py): off inside, back on and the start's objects frozen after;
objects of a later one-off build frozen by freeze_lasting."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from ops.collector import collector_paused, freeze_lasting


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


def _tracked(thing: object) -> bool:
    """Whether a full collection would walk it: frozen objects are in no generation."""
    return any(candidate is thing for candidate in gc.get_objects())


def test_a_later_build_is_frozen_and_later_cycles_still_collected() -> None:
    gc.enable()
    model = {"weights": [[index] for index in range(100)]}
    assert _tracked(model)
    freeze_lasting()
    assert not _tracked(model) and not _tracked(model["weights"])
    assert gc.isenabled()
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1
