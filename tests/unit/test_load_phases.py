"""The load bench's split of a voice note's or photo's latency at the stand-in."""

from __future__ import annotations

from winstreak.bench.load_phases import figures, lines, percentile, record


def test_an_answered_note_is_split_in_three_spans_that_add_up() -> None:
    phases: dict[str, list[float]] = {}
    record(phases, "voice", sent=10.0, answered=11.5, marks={"file": 10.25, "estimate": 11.375})
    assert phases == {"voice_to_file": [0.25], "voice_file_to_estimate": [1.125], "voice_estimate_to_answer": [0.125]}
    got = figures(phases)
    assert (got["voice_to_file_p50_ms"], got["voice_file_to_estimate_p95_ms"]) == (250.0, 1125.0)
    assert got["photo_to_file_p50_ms"] is None
    assert [line.split(":")[0] for line in lines(got)] == ["voice split at the stand-in, p50 / p95 ms"]


def test_nothing_is_recorded_without_a_file_read_or_an_estimate_or_out_of_order() -> None:
    phases: dict[str, list[float]] = {}
    record(phases, "photo", 1.0, 2.0, {"file": 1.5})  # no estimate sent (e.g. "busy, try again")
    record(phases, "photo", 1.0, 2.0, {"estimate": 1.5})  # the file was never asked for
    record(phases, "photo", 1.0, 2.0, {"file": 0.5, "estimate": 1.5})  # a mark left from an earlier update
    assert phases == {}
    assert lines(figures(phases)) == []


def test_percentile_is_the_nearest_rank() -> None:
    values = [i / 1000 for i in range(1, 101)]  # 1 ms ... 100 ms
    assert (percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)) == (50.0, 95.0, 99.0)
    assert percentile([], 0.5) is None
