"""Every ``winstreak bench`` command has a smoke test: some test that drives the bench CLI names it.

A test "drives the bench CLI" when it imports ``winstreak.bench.cli`` (typer's CliRunner) or runs
``winstreak bench`` in a subprocess; it names a command when the command's name appears in it as a string.
A new benchmark without a test fails here with its name.
"""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from winstreak.bench.cli import app

TESTS = Path(__file__).resolve().parents[1]
DRIVES = re.compile(r"from winstreak\.bench\.cli import app|\"winstreak\", \"bench\"")


def test_every_bench_command_is_run_by_a_test() -> None:
    group = typer.main.get_group(app)
    names = sorted(group.commands)
    assert {"closeout", "search", "estimate"} <= set(names)
    others = [p for p in TESTS.rglob("test_*.py") if p.name != Path(__file__).name]  # not this file's names
    drivers = [text for text in (p.read_text() for p in others) if DRIVES.search(text)]
    untested = [name for name in names if not any(f'"{name}"' in text for text in drivers)]
    assert not untested, f"bench commands without a smoke test: {untested}"
