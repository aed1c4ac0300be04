"""Messages a minute per person: a sliding window kept in memory by each bot process (pure, stdlib only).

Over the limit, the first extra message gets one clear answer and the following ones none, so a flooding
user costs no database work, no AI call and no outgoing messages until the window has room again.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from datetime import datetime, timedelta
from enum import Enum

WINDOW = timedelta(minutes=1)


class Verdict(Enum):
    """What to do with one incoming message."""

    ALLOW = "allow"
    WARN = "warn"  # the first message over the limit: answer once
    DROP = "drop"  # later ones in the same window: ignore


class MessageRate:
    """At most ``per_minute`` messages per key in any minute; remembers the ``remembered`` most recent keys."""

    def __init__(self, per_minute: int, remembered: int = 100_000) -> None:
        self.per_minute = per_minute
        self.remembered = remembered
        self._seen: OrderedDict[str, tuple[deque[datetime], bool]] = OrderedDict()

    def check(self, key: str, now: datetime) -> Verdict:
        """Count a message from ``key`` at ``now`` when it is allowed; say whether to answer it."""
        times, warned = self._seen.pop(key, (deque(), False))
        while times and now - times[0] >= WINDOW:
            times.popleft()
        if len(times) < self.per_minute:
            times.append(now)
            verdict, warned = Verdict.ALLOW, False
        else:
            verdict, warned = (Verdict.DROP if warned else Verdict.WARN), True
        self._seen[key] = (times, warned)
        while len(self._seen) > self.remembered:
            self._seen.popitem(last=False)
        return verdict
