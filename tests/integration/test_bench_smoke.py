"""Smoke tests of ``winstreak bench charts|search|foods|outbox|db`` at small sizes: they run and print their figures.

``bench closeout``, ``bench estimate`` and ``bench voice`` have their own tests (test_closeout_bench.py,
test_estimate_cli.py, test_voice_bench.py). No time bound is asserted: figures are checked for shape and sense.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.shared_data import shared_path
from winstreak.bench.cli import app
from winstreak.bench.food_corpus import SAMPLE

runner = CliRunner()


def test_bench_charts_times_every_chart_once() -> None:
    result = runner.invoke(app, ["charts", "--runs", "1"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith(("week", "weight"))]
    assert len(rows) == 8  # week and weight charts: empty, one point, a year, dark French
    for row in rows:
        runs, p50, _p95, _max, _cpu, png_kb = row[26:].split()
        assert runs == "1" and float(p50) > 0 and float(png_kb) > 0
    assert "warm-up render" in result.output


@pytest.mark.parametrize("command", ["search", "foods"])
def test_bench_search_imports_indexes_and_finds_typod_products(command: str) -> None:
    shared_path(*SAMPLE)
    result = runner.invoke(app, [command, "--products", "400", "--queries", "30", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["products"] == 400 and figures["queries"] == 30 and figures["indexed_docs"] >= 400
    assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"]
    assert figures["top1"] <= figures["top3"] and figures["top3"] > 0.5  # one edit: most are still found
    assert "accuracy" in result.output


def test_bench_search_rejects_a_zero_size() -> None:
    result = runner.invoke(app, ["search", "--products", "0"])
    assert result.exit_code == 2


@pytest.mark.parametrize("leases", ["--leases", "--no-leases"])
def test_bench_outbox_drains_every_message_once(leases: str) -> None:
    result = runner.invoke(app, ["outbox", "--messages", "25", "--limit", "500", "--senders", "2", leases, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["sent"] == 25 and figures["senders"] == 2 and figures["leases"] is (leases == "--leases")
    assert figures["rate_per_s"] > 0 and figures["limit_per_s"] == 500
    if leases == "--leases":
        assert figures["duplicates"] == 0
    assert "sent in" in result.output


def test_bench_outbox_rejects_a_bad_limit() -> None:
    result = runner.invoke(app, ["outbox", "--messages", "5", "--limit", "0"])
    assert result.exit_code == 2 and "--limit" in result.output


def test_bench_db_times_every_call_of_an_update() -> None:
    result = runner.invoke(app, ["db", "--calls", "3", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["database"] == "sqlite" and figures["calls"] == 3
    assert len(figures["cpu_ms"]) == 9 and all(ms > 0 for ms in figures["cpu_ms"].values())
    assert "chat state load" in result.output and "AI quota take" in result.output
