"""The load bench's pacing: think times from the answer, an offered rate's own schedule, late sends counted.

A fake clock stands in for the event loop's: ``sleep`` moves it, and a test moves it by the answer's latency,
so the pauses are checked exactly and no test waits.
"""

from __future__ import annotations

import asyncio
import itertools

import pytest

from winstreak.bench.load_pace import Pacer, Pacing


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def sends(pacing: Pacing, users: int, place: int, latencies: list[float]) -> tuple[list[float], Pacer]:
    """When each update leaves, each answered after its latency."""
    clock = FakeClock()
    pacer = Pacer(pacing, users, place, clock=clock, sleep=clock.sleep)

    async def run() -> list[float]:
        moments = []
        for latency in latencies:
            await pacer.before_update()
            moments.append(clock.now)
            clock.now += latency  # the bot answers
        return moments

    return asyncio.run(run()), pacer


def test_think_time_is_drawn_around_its_mean_from_each_answer() -> None:
    latencies = [0.2, 1.7, 0.05, 3.0] * 25
    moments, pacer = sends(Pacing(think_s=3.0), users=10, place=4, latencies=latencies)
    assert 0 <= moments[0] <= 3.0  # the crowd's start is spread over one think time
    pauses = [moments[i + 1] - (moments[i] + latencies[i]) for i in range(len(moments) - 1)]
    assert all(1.5 <= p <= 4.5 for p in pauses)  # ±50 % of the mean, counted from the answer
    assert 2.5 < sum(pauses) / len(pauses) < 3.5
    assert len(set(pauses)) > 50 and pacer.late == 0  # jittered, never "late" without a rate


def test_the_same_seed_and_place_draw_the_same_pauses_in_both_halves() -> None:
    latencies = [0.1] * 20
    first, _ = sends(Pacing(think_s=2.0, seed=7), 5, 3, latencies)
    again, _ = sends(Pacing(think_s=2.0, seed=7), 5, 3, latencies)
    other_place, _ = sends(Pacing(think_s=2.0, seed=7), 5, 4, latencies)
    other_seed, _ = sends(Pacing(think_s=2.0, seed=8), 5, 3, latencies)
    assert first == again
    assert first != other_place and first != other_seed


def test_think_zero_is_a_closed_loop() -> None:
    moments, _ = sends(Pacing(think_s=0), 5, 0, [0.5, 0.25, 1.0])
    assert moments == [0.0, 0.5, 0.75]  # each update leaves the moment the last was answered


def test_an_offered_rate_keeps_its_schedule_whatever_the_answers_take_below_the_gap() -> None:
    pacing = Pacing(rate=4.0)  # 8 people: each every 2 s on average
    quick, _ = sends(pacing, 8, 2, [0.01] * 200)
    slower, pacer = sends(pacing, 8, 2, [0.9] * 200)  # under the shortest gap (1 s)
    assert quick == slower and pacer.late == 0  # open loop: sends do not wait for answers
    gaps = [b - a for a, b in itertools.pairwise(slower)]
    assert all(1.0 <= g <= 3.0 for g in gaps)
    assert 1.8 < sum(gaps) / len(gaps) < 2.2  # 8 people / 4 updates/s


def test_an_update_due_before_its_previous_answer_leaves_at_once_and_is_counted_late() -> None:
    latencies = [5.0] * 10  # every answer longer than the longest gap (3 s)
    moments, pacer = sends(Pacing(rate=4.0), 8, 2, latencies)
    assert pacer.late == 9  # all but the first
    assert all(b == pytest.approx(a + 5.0) for a, b in itertools.pairwise(moments))


@pytest.mark.parametrize("settings", [{"think_s": -1.0}, {"rate": 0.0}, {"jitter": 1.0}])
def test_settings_out_of_range_are_refused(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Pacing(**settings)  # type: ignore[arg-type]
