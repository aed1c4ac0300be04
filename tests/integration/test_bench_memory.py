"""Smoke test of ``winstreak bench memory`` at the smallest size: it runs the bot, drives it and prints its figures.

The command stops the bot it runs in its own process with SIGTERM, so it runs here as a subprocess, not
through typer's CliRunner. No size or time bound is asserted (the machine is shared): the figures are checked
for shape and sense.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "winstreak", "bench", "memory", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_bench_memory_diffs_snapshots_around_a_load_loop() -> None:
    done = _bench("--users", "2", "--warm", "1", "--seconds", "3", "--top", "3", "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["users"] == 2 and figures["warm_updates"] > 0 and figures["updates"] > 0
    assert figures["rss_mb_ready"] > 0 and figures["rss_mb_before"] > 0 and figures["rss_mb_after"] > 0
    assert figures["traced_kib_after"] > 0
    for key in ("warm_grown", "grown"):
        rows = figures[key]
        assert len(rows) <= 3 and all(row["stack"] for row in rows)  # --top 3, each with where it was allocated
        assert [row["kib"] for row in rows] == sorted((row["kib"] for row in rows), reverse=True)
    assert figures["warm_grown"][0]["kib"] > 0  # the first meals load what a cold bot has not (catalogs, indexes)
    assert "Python allocations grown during the measured run" in done.stdout


def test_bench_memory_refuses_no_people() -> None:
    done = _bench("--users", "0")
    assert done.returncode == 2 and "--users" in done.stderr


def test_bench_memory_with_rounds_brings_newcomers() -> None:
    done = _bench("--users", "2", "--warm", "1", "--seconds", "8", "--rounds", "1", "--top", "2", "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["rounds_per_person"] == 1 and figures["people"] > 2  # newcomers took the places
    assert "people come and go: each leaves after 1 meals" in done.stdout
