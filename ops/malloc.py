"""glibc malloc: a fixed mmap threshold for the long-running processes (issue 16, docs/load.md "Memory").

glibc serves a request of at least its mmap threshold (128 KiB) with a mapping of its own, given back to the
system when freed — but by default it raises that threshold to the size of any such block freed (up to
32 MiB), and from then on those requests come from the main heap. asyncio reads every socket with
``sock.recv(256 KiB)``: a 256 KiB block shrunk at once to the bytes received. Served from the heap, reads
leave small live objects scattered over fresh stretches and the rest free, which glibc cannot give back: under
``winstreak bench load`` the main heap grew about 3.6 MB a minute while the live bytes stayed flat (memray;
glibc ``malloc_stats``: in use flat, system bytes growing; ``malloc_trim`` gave 13.5 MB back). Pinning the
threshold (``mallopt(M_MMAP_THRESHOLD)``, which also stops glibc moving it) keeps such blocks in mmap: the
same bench then grew 0.2 MB a minute.

An operator's own ``MALLOC_MMAP_THRESHOLD_`` (read by glibc at start) is left as it is. Not glibc (musl,
macOS, Windows): nothing is done.
"""

from __future__ import annotations

import ctypes
import logging
import os

log = logging.getLogger(__name__)

MMAP_THRESHOLD = 128 * 1024  # glibc's default, fixed: blocks this large and larger are mapped and unmapped
M_MMAP_THRESHOLD = -3  # <malloc.h>


def glibc_version() -> str | None:
    """``"2.36"`` when this process runs on glibc, else None."""
    try:
        found = os.confstr("CS_GNU_LIBC_VERSION")
    except (ValueError, OSError, AttributeError):
        return None
    if not found or not found.startswith("glibc "):
        return None
    return found.split()[1]


def pin_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Fix glibc's mmap threshold at ``size`` bytes (no more raising it); True when done."""
    if os.environ.get("MALLOC_MMAP_THRESHOLD_") or glibc_version() is None:
        return False
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_MMAP_THRESHOLD, size))
    log.info("malloc mmap threshold pinned", extra={"bytes": size, "done": done})
    return done
