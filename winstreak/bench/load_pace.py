"""How fast the people of ``winstreak bench load`` act: a think time between actions, or an offered rate.

A person reads the estimate before pressing Save and cannot type three meals a second. Without a pause each
person is a closed loop that sends the next update the moment the last is answered, so every chat meets the
per-chat reply limit Telegram imposes (about one message a second after a burst of three) and the latency
measures that limit rather than the bot. Two pacings, each drawn from a random generator seeded per person
(the same place in the crowd draws the same pauses in the bot's half and in the echo bot's half):

* **think time** (``think_s``): after each answer the person waits ``think_s`` on average, uniformly between
  (1 - ``jitter``) and (1 + ``jitter``) times it, then sends the next update. ``think_s = 0`` is the old closed
  loop. People start at a random moment within one think time, so they do not all send at once.
* **offered rate** (``rate``, updates a second from all the people together): each person's sends are due on a
  schedule of their own, one every ``users / rate`` seconds on average (same jitter), whatever the answers;
  an update whose previous answer came after it was due is sent at once and counted as *late* — the offered
  rate was not held for it — and the schedule goes on from then.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

THINK_S = 3.0  # default mean pause: reading a short estimate and pressing a button takes a person 2-5 s
JITTER = 0.5  # each pause is uniform between 0.5 and 1.5 times the mean


@dataclass(frozen=True)
class Pacing:
    """The pacing of one run: ``think_s`` between an answer and the next update, or ``rate`` updates/s offered."""

    think_s: float = THINK_S
    rate: float | None = None
    seed: int = 1
    jitter: float = JITTER

    def __post_init__(self) -> None:
        if self.think_s < 0 or (self.rate is not None and self.rate <= 0) or not 0 <= self.jitter < 1:
            raise ValueError("think_s >= 0, rate > 0 and 0 <= jitter < 1")

    def describe(self, users: int) -> str:
        """One line for the report's header."""
        spread = f"±{self.jitter:.0%}, seed {self.seed}"
        if self.rate is not None:
            return (
                f"open loop: {self.rate:g} updates/s offered in all, each person every {users / self.rate:.2f} s "
                f"on average ({spread})"
            )
        if self.think_s == 0:
            return "closed loop: the next update leaves as soon as the last is answered (--think 0)"
        return f"think time {self.think_s:g} s on average between an answer and the next update ({spread})"

    def figures(self) -> dict[str, float | int | None]:
        """The settings as ``--json`` gives them."""
        return {"think_s": self.think_s, "rate_offered_per_s": self.rate, "pace_seed": self.seed, "jitter": self.jitter}


class Pacer:
    """One person's pauses. ``clock`` and ``sleep`` are the event loop's unless a test gives its own."""

    def __init__(
        self,
        pacing: Pacing,
        users: int,
        place: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.pacing, self._clock, self._sleep = pacing, clock, sleep
        self._random = random.Random(f"{pacing.seed}:{place}")
        self._gap = users / pacing.rate if pacing.rate is not None else pacing.think_s
        self._due: float | None = None
        self.late = 0  # updates that were due before the previous answer came back (open loop only)

    def _draw(self) -> float:
        spread = self.pacing.jitter
        return self._gap * self._random.uniform(1 - spread, 1 + spread)

    async def before_update(self) -> None:
        """Wait until this person sends their next update (called once the previous one was answered).

        Before the first update: a random moment within one gap, so the crowd does not start at once.
        """
        if self._gap <= 0:
            return
        now = self._clock()
        if self._due is None:
            self._due = now + self._random.uniform(0, self._gap)  # the first update
        elif self.pacing.rate is None:
            self._due = now + self._draw()  # think time: from the answer
        else:
            self._due += self._draw()
            if self._due < now:  # the answer came after this update was due: send it now, keep the pace from here
                self.late += 1
                self._due = now
        await self._pause_until(self._due)

    async def _pause_until(self, moment: float) -> None:
        wait = moment - self._clock()
        if wait > 0:
            await self._sleep(wait)
