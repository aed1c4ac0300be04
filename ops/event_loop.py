"""The event loop of the long-running processes (``winstreak run``, ``winstreak scheduler``): uvloop.

uvloop (libuv under asyncio's API) spends less CPU on the sockets an update goes through — the webhook's
request, the database driver's round trips, the Bot API calls: bot CPU per update 5.72 / 5.83 ms on uvloop
against 6.40 / 6.80 ms on asyncio's own loop, two alternated pairs of the same closed-loop bench on a quiet
machine (docs/load.md "uvloop, measured again"). Where uvloop is not installed (it has no Windows build; the
dependency is declared for the other platforms only) the processes run on asyncio's loop, as before.
The terminal chat and the one-shot commands keep asyncio's loop: they wait on a person, not on sockets.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_served(main: Coroutine[Any, Any, T]) -> T:
    """Run ``main`` to completion on uvloop when it is installed, else on asyncio's loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def loop_name() -> str:
    """The running loop's library, for the start-up line: ``"uvloop"`` or ``"asyncio"``."""
    return type(asyncio.get_running_loop()).__module__.split(".")[0]
