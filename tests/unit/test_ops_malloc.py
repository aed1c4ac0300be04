"""glibc's mmap threshold pinned: a large block stays out of the main heap even after glibc would have moved it.

Each case runs in a fresh interpreter (the threshold is process-wide): it frees a 1 MiB mapped block, which
by default raises glibc's threshold to 1 MiB, then asks for 300 KiB and reports whether the block lies in
the ``[heap]`` of ``/proc/self/maps``. Unpinned it does (the cause of the creep, docs/load.md "Memory");
pinned by :func:`ops.malloc.pin_mmap_threshold` it does not.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ops.malloc import glibc_version, pin_mmap_threshold

pytestmark = pytest.mark.skipif(
    glibc_version() is None or not os.path.exists("/proc/self/maps"), reason="glibc on Linux only"
)

PROBE = """
import ctypes, sys
from ops.malloc import pin_mmap_threshold
pinned = pin_mmap_threshold() if sys.argv[1] == "pin" else False
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = (ctypes.c_size_t,)
libc.free.argtypes = (ctypes.c_void_p,)
big = libc.malloc(1024 * 1024)
ctypes.memset(big, 1, 1024 * 1024)
libc.free(big)
block = libc.malloc(300 * 1024)
heap = [line.split()[0].split("-") for line in open("/proc/self/maps") if line.rstrip().endswith("[heap]")]
in_heap = any(int(lo, 16) <= block < int(hi, 16) for lo, hi in heap)
libc.free(block)
print(pinned, in_heap)
"""


def _probe(mode: str, **env: str) -> tuple[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode],
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, **env},
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    pinned, in_heap = done.stdout.split()
    return pinned, in_heap


def test_unpinned_glibc_moves_a_large_block_into_the_heap() -> None:
    assert _probe("leave") == ("False", "True")


def test_pinned_a_large_block_is_mapped_on_its_own() -> None:
    assert _probe("pin") == ("True", "False")


def test_an_operators_own_setting_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    assert pin_mmap_threshold() is False


def test_glibc_version_is_a_dotted_number() -> None:
    version = glibc_version()
    assert version is not None
    assert all(part.isdigit() for part in version.split("."))
