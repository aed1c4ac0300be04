"""The long-running processes' event loop (ops/event_loop.py): uvloop when installed, asyncio's loop without it."""

from __future__ import annotations

import asyncio
import sys

import pytest

from ops.event_loop import loop_name, run_served


async def _which() -> tuple[str, str]:
    await asyncio.sleep(0)
    return loop_name(), type(asyncio.get_running_loop()).__name__


@pytest.mark.skipif(sys.platform == "win32", reason="uvloop has no Windows build; the dependency excludes it")
def test_served_on_uvloop_where_installed() -> None:
    name, kind = run_served(_which())
    assert (name, kind) == ("uvloop", "Loop")


def test_served_on_asyncio_without_uvloop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as on a platform without it: the import fails
    name, _kind = run_served(_which())
    assert name == "asyncio"


def test_an_error_of_the_process_comes_back_to_the_caller() -> None:
    async def fails() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        run_served(fails())
