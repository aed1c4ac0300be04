"""Smoke test of ``winstreak bench startup``: every command is timed beside a bare interpreter."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from winstreak.bench.cli import app
from winstreak.bench.startup import CHAT, EXITING


def test_bench_startup_prints_each_command_beside_python_pass() -> None:
    result = CliRunner().invoke(app, ["startup", "--repeats", "1", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert list(figures) == [*EXITING, CHAT]
    assert all(f["median_s"] > 0 and f["best_s"] <= f["median_s"] for f in figures.values())
    assert all(f["cpu_s"] > 0 for f in figures.values())  # each reaped child's own CPU time
    assert "python -c pass" in result.output and "load average" in result.output
