"""``winstreak bench startup``: how long commands take to start, beside a bare ``python -c pass`` in the same run.

Each command runs in a fresh interpreter ``repeats`` times; the figures are wall-clock seconds (median and
best) and the median CPU seconds (user + system) the process used, which other sessions' load changes far
less than the wall clock. ``winstreak chat`` is timed to its first output line (the echo of the first
message, printed when it is ready to answer), on a data directory prepared by an untimed first run.

By default the commands run as installed (``pip install`` writes the bytecode of every module; the image has
it): an untimed first run of each fills a bytecode cache of the bench's own (``PYTHONPYCACHEPREFIX``, nothing
is written beside the sources), even where ``PYTHONDONTWRITEBYTECODE`` is set. ``bytecode=False`` measures
that setting as it is: WinStreak's own modules compiled from source at every start.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
EXITING: dict[str, list[str]] = {
    "python -c pass": [PYTHON, "-c", "pass"],
    "winstreak --help": [PYTHON, "-m", "winstreak", "--help"],
    "winstreak run --help": [PYTHON, "-m", "winstreak", "run", "--help"],
    "winstreak estimate --help": [PYTHON, "-m", "winstreak", "estimate", "--help"],
}
CHAT = "winstreak chat (first reply line)"


@dataclass(frozen=True)
class Timing:
    """One command's start-up times."""

    name: str
    median: float
    best: float
    runs: int
    cpu: float = 0.0  # median CPU seconds of the process (to its first line for the chat)


def _environment(data_dir: Path, bytecode: bool) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WINSTREAK_")}
    if bytecode:
        clean.pop("PYTHONDONTWRITEBYTECODE", None)
        clean["PYTHONPYCACHEPREFIX"] = str(data_dir / "bytecode")
    return {**clean, "WINSTREAK_DATA_DIR": str(data_dir), "WINSTREAK_LOG_LEVEL": "ERROR"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_exit(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds until the command exits."""
    cpu, started = _children_cpu(), time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started, _children_cpu() - cpu


def time_first_line(argv: list[str], env: dict[str, str], stdin: str) -> tuple[float, float]:
    """Wall and CPU seconds until the command prints its first line (then it is stopped)."""
    cpu, started = _children_cpu(), time.perf_counter()
    with subprocess.Popen(
        argv, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(stdin)
        process.stdin.flush()
        line = process.stdout.readline()
        elapsed = time.perf_counter() - started
        process.stdin.close()
        process.kill()
    if not line:
        raise RuntimeError(f"{' '.join(argv)} printed nothing")
    return elapsed, _children_cpu() - cpu  # the process is reaped: its CPU time is counted


def timing(name: str, samples: list[tuple[float, float]]) -> Timing:
    """Median and best wall time, median CPU time."""
    walls = [wall for wall, _ in samples]
    return Timing(name, statistics.median(walls), min(walls), len(samples), statistics.median(c for _, c in samples))


def measure(repeats: int = 5, bytecode: bool = True) -> list[Timing]:
    """Every command's timing, the bare interpreter first (``bytecode``: as installed, see the module's text)."""
    with tempfile.TemporaryDirectory() as folder:
        env = _environment(Path(folder), bytecode)
        chat = [PYTHON, "-m", "winstreak", "chat", "--user", "bench"]
        subprocess.run(chat, env=env, input="/quit\n", text=True, capture_output=True, check=True)  # migrate once
        if bytecode:  # an untimed run of each fills the bytecode cache, as installing does
            subprocess.run(chat, env=env, input="/help\n", text=True, capture_output=True, check=True)
            for argv in EXITING.values():
                time_exit(argv, env)
        timings = []
        for name, argv in EXITING.items():
            timings.append(timing(name, [time_exit(argv, env) for _ in range(repeats)]))
        timings.append(timing(CHAT, [time_first_line(chat, env, "/help\n") for _ in range(repeats)]))
    return timings
