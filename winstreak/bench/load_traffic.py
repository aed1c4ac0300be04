"""Simulated people for ``winstreak bench load``: each sends a meal, presses Save, now and then asks /today.

Each person is a closed loop (the next update leaves when the last one was answered), bounded by a deadline
and a step count. Latency is from POSTing the update to the webhook to its HTTP answer: the bot answers only
after handling it, replies included (``handle_in_background=False``).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from winstreak.bench.load_standin import LoadStandIn, button

PROFILE = "/profile sex=female born=1990 height=168 weight=64 activity=moderate goal=maintain tz=UTC"
MEALS = (
    "2 eggs and a slice of toast",
    "porridge with milk and a banana",
    "chicken salad 350 kcal",
    "pizza 800 kcal",
    "an apple",
    "rice and beans",
    "yogurt with honey",
    "pasta with tomato sauce",
)
MAX_STEPS = 100_000  # per person: a bound on the loop whatever the deadline


@dataclass
class Traffic:
    """What was sent and how it was answered."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    saves: Counter[int] = field(default_factory=Counter)  # Save presses confirmed (estimate ticked), by person
    unconfirmed_saves: int = 0  # Save presses answered (HTTP 200) without the estimate ticked: an apology
    no_button: int = 0  # meals answered without a Save button (nothing understood)
    seconds: float = 0.0

    def count(self, kind: str) -> int:
        return len(self.latencies[kind])

    def per_second(self, kind: str) -> float:
        return self.count(kind) / self.seconds if self.seconds else 0.0


async def _timed(traffic: Traffic, kind: str, send: Callable[[], Awaitable[int]]) -> bool:
    started = time.perf_counter()
    try:
        status = await send()
    except (TimeoutError, OSError) as err:
        traffic.errors[f"{kind}: {type(err).__name__}"] += 1
        return False
    if status != 200:
        traffic.errors[f"{kind}: HTTP {status}"] += 1
        return False
    traffic.latencies[kind].append(time.perf_counter() - started)
    return True


async def person(api: LoadStandIn, traffic: Traffic, user_id: int, deadline: float) -> None:
    """One person's loop: meal, Save; on the 1st, 4th, 7th... round Save twice (a second device) and /today."""
    step = 0
    while time.monotonic() < deadline and step < MAX_STEPS:
        meal = MEALS[(user_id + step) % len(MEALS)]
        step += 1
        if not await _timed(traffic, "text", partial(api.deliver, api.text_update(user_id, meal))):
            continue
        shown: dict[str, Any] | None = api.buttons.get(user_id)
        data = button(shown, "Save") if shown else None
        if shown is None or data is None:
            traffic.no_button += 1
            continue
        press = api.press_update(user_id, shown, data)
        if await _timed(traffic, "save", partial(api.deliver, press)):
            if (user_id, shown["message_id"]) in api.edited:
                traffic.saves[user_id] += 1
            else:
                traffic.unconfirmed_saves += 1
        if step % 3 == 1:
            again = api.press_update(user_id, shown, data)  # the same button once more: must store nothing
            await _timed(traffic, "save_again", partial(api.deliver, again))
            await _timed(traffic, "today", partial(api.deliver, api.text_update(user_id, "/today")))


async def drive(
    api: LoadStandIn, user_ids: list[int], seconds: float, *, setup: bool, on_start: Callable[[], None] | None = None
) -> Traffic:
    """Run every person until ``seconds`` have passed; the set-up message is not part of the measured time.

    ``on_start`` is called once the set-up is answered, right before the measured loop (the bench reads the bot
    process's CPU time there).
    """
    traffic = Traffic()
    if setup:
        profiles = [api.text_update(u, PROFILE) for u in user_ids]
        await asyncio.gather(*(_timed(traffic, "profile", partial(api.deliver, u)) for u in profiles))
    if on_start is not None:
        on_start()
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(*(person(api, traffic, u, deadline) for u in user_ids))
    traffic.seconds = time.monotonic() - started
    return traffic


def percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile, in milliseconds (None when nothing was measured)."""
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return round(ordered[index] * 1000, 1)
