"""``winstreak bench load``: people through a stand-in Bot API to a ``winstreak run`` process in webhook mode.

The bot runs as its own process (the real CLI, aiogram, webhook mode, per-user quotas off) on a scratch
database; with media (the default) the mix has voice notes, barcode photos, /food and Edit presses too
(:mod:`winstreak.bench.load_media`); the same text traffic then goes to a do-nothing aiogram echo bot
through the same stand-in, for a ratio.
At the end the database is reconciled with what was sent: meals stored per person = Save presses answered.
All traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import socket
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from storage.engine import make_engine
from winstreak.bench import load_phases
from winstreak.bench.load_media import Media, add_product, make_media
from winstreak.bench.load_pace import Pacing
from winstreak.bench.load_phases import percentile
from winstreak.bench.load_standin import LoadStandIn, calls_per_update
from winstreak.bench.load_traffic import Newcomers, Traffic, drive

TOKEN = "123456:LOAD-bench-standin"
KINDS = ("text", "voice", "photo", "food", "edit", "edit_text", "save", "save_again", "today", "join")
REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A port on 127.0.0.1 free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process (Linux /proc), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds a process has used so far (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _start(args: list[str], env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, *args, env=env, cwd=str(REPO), stdout=out, stderr=out
        )


async def _stop(process: asyncio.subprocess.Process) -> int | None:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 60)
        except TimeoutError:
            process.kill()
            await process.wait()
    return process.returncode


async def failed_updates(metrics_url: str) -> int | None:
    """Updates the bot counted as failed (answered with an apology), from its /metrics."""
    try:
        async with aiohttp.ClientSession() as client, client.get(metrics_url) as response:
            body = await response.text()
    except aiohttp.ClientError:
        return None
    return int(
        sum(
            sample.value
            for family in text_string_to_metric_families(body)
            for sample in family.samples
            if sample.name == "winstreak_updates_total" and sample.labels.get("outcome") == "error"
        )
    )


async def _wait_ready(api: LoadStandIn, process: asyncio.subprocess.Process, log: Path, url: str | None) -> None:
    """Until the process answers ``url`` (if given) and has registered its webhook; 120 s at most."""
    deadline = time.monotonic() + 120
    async with aiohttp.ClientSession() as client:
        while True:
            if process.returncode is not None:
                raise RuntimeError(f"the bot process exited ({process.returncode}); see {log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the bot process did not become ready in 120 s; see {log}")
            ready = url is None
            if url is not None:
                try:
                    async with client.get(url) as response:
                        ready = response.status == 200
                except aiohttp.ClientError:
                    ready = False
            if ready and api.webhook is not None:
                return
            await asyncio.sleep(0.2)


def bot_env(api: LoadStandIn, database: str, data_dir: Path, port: int) -> dict[str, str]:
    """The environment of `winstreak run` for the bench: webhook on 127.0.0.1, quotas and scheduler off."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("WINSTREAK_")}
    return {
        **base,
        "NO_PROXY": "127.0.0.1,localhost",
        "WINSTREAK_DATA_DIR": str(data_dir),
        "WINSTREAK_DATABASE_URL": database,
        "WINSTREAK_TELEGRAM_TOKEN": TOKEN,
        "WINSTREAK_TELEGRAM_API_BASE": api.base,
        "WINSTREAK_TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram/hook",
        "WINSTREAK_HTTP_HOST": "127.0.0.1",
        "WINSTREAK_HTTP_PORT": str(port),
        "WINSTREAK_RUN_SCHEDULER": "false",
        "WINSTREAK_QUOTA_MESSAGES_PER_MINUTE": "0",
        "WINSTREAK_QUOTA_AI_CALLS_PER_DAY": "100000",
        "WINSTREAK_LOG_LEVEL": "WARNING",
    }


async def sample_rss(pid: int, into: list[tuple[float, float | None]], every: float = 10.0) -> None:
    """(seconds since the first sample, RSS MB) of the bot every ``every`` seconds, until cancelled."""
    started = time.monotonic()
    while True:
        into.append((time.monotonic() - started, rss_mb(pid)))
        await asyncio.sleep(every)


async def reconcile(database: str, people: list[int], saves: dict[int, int]) -> tuple[int, int, int]:
    """(stored, lost, duplicates): meals in the database per person against their Save presses answered."""
    engine = make_engine(database)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT i.external_id, count(m.id) FROM identities i JOIN meals m ON m.user_id = i.user_id "
                    "WHERE i.platform = 'telegram' GROUP BY i.external_id"
                )
            )
            stored = {str(external): int(n) for external, n in rows}
    finally:
        await engine.dispose()
    lost = duplicates = 0
    for user_id in people:
        got, expected = stored.get(str(user_id), 0), saves.get(user_id, 0)
        lost += max(0, expected - got)
        duplicates += max(0, got - expected)
    return sum(stored.get(str(u), 0) for u in people), lost, duplicates


async def _echo_half(
    api: LoadStandIn,
    database: str,
    work: Path,
    people: list[int],
    seconds: float,
    pacing: Pacing,
    newcomers: Newcomers | None,
) -> Traffic:
    """The same traffic to a do-nothing aiogram echo bot through the same stand-in: the baseline."""
    api.webhook = None
    port = free_port()
    args = ["-m", "winstreak.bench.load_echo", api.base, TOKEN, str(port)]
    echo = await _start(args, bot_env(api, database, work, port), work / "echo.log")
    try:
        await _wait_ready(api, echo, work / "echo.log", None)
        return await drive(api, people, seconds, setup=False, pacing=pacing, newcomers=newcomers)
    finally:
        await _stop(echo)


async def run_load(
    users: int,
    seconds: float,
    db: str | None,
    profile: Path | None = None,
    media: bool = True,
    pacing: Pacing | None = None,
    echo: bool = True,
    rounds: int | None = None,
) -> dict[str, Any]:
    """The whole benchmark; returns the figures (see ``figures``).

    With ``profile``, the bot runs under cProfile and writes its statistics there when it stops. Without
    ``media``, the mix is the text-only one (meals, Save, second Save, /today). ``pacing`` paces the people
    of both halves alike (default: :class:`Pacing`'s think time; ``Pacing(think_s=0)`` is a closed loop).
    Without ``echo``, the echo half is skipped (a long run measuring only the bot: memory, CPU). With ``rounds``,
    each person leaves after that many rounds and a newcomer takes their place (``load_traffic.Newcomers``).
    """
    pacing = pacing or Pacing()
    notes: Media | None = await asyncio.to_thread(make_media) if media else None
    work = Path(tempfile.mkdtemp(prefix="winstreak-load-"))
    database = db or f"sqlite+aiosqlite:///{work / 'load.db'}"
    first = 10**9 + (int(time.time()) % 10**6) * 1000  # fresh people on every run, even on a reused database
    people = [first + n for n in range(users)]
    ids = itertools.count(first + 2 * users)  # newcomers of both halves: after the echo half's people
    newcomers = Newcomers(rounds, lambda: next(ids)) if rounds else None
    api = await LoadStandIn(TOKEN).start()
    try:
        port = free_port()
        profiling = ["-m", "cProfile", "-o", str(profile)] if profile else []
        bot_args = [*profiling, "-m", "winstreak", "run"]
        bot = await _start(bot_args, bot_env(api, database, work, port), work / "bot.log")
        try:
            await _wait_ready(api, bot, work / "bot.log", f"http://127.0.0.1:{port}/readyz")
            if notes is not None:
                await add_product(database)  # the barcode photo's product, in the tables the bot created
            rss_start = rss_mb(bot.pid)
            curve: list[tuple[float, float | None]] = []
            sampler = asyncio.create_task(sample_rss(bot.pid, curve))
            cpu_start: list[float | None] = [None]
            calls_start = [(Counter(api.methods), Counter(api.in_response))]

            def started() -> None:
                cpu_start[0] = cpu_seconds(bot.pid)
                calls_start[0] = (Counter(api.methods), Counter(api.in_response))

            traffic = await drive(
                api, people, seconds, setup=True, on_start=started, media=notes, pacing=pacing, newcomers=newcomers
            )
            cpu_end, rss_end = cpu_seconds(bot.pid), rss_mb(bot.pid)
            calls_end = (Counter(api.methods), Counter(api.in_response))
            sampler.cancel()
            failed = await failed_updates(f"http://127.0.0.1:{port}/metrics")
        finally:
            exit_code = await _stop(bot)
        echo_people = [p + users for p in people]
        echo_traffic = (
            await _echo_half(api, database, work, echo_people, seconds, pacing, newcomers) if echo else Traffic()
        )
    finally:
        await api.stop()
    stored, lost, duplicates = await reconcile(database, traffic.people, dict(traffic.saves))
    result = figures(traffic, echo_traffic, stored, lost, duplicates, rss_start, rss_end, exit_code, db, work)
    result["bot_failed_updates"] = failed
    result.update(pacing.figures())
    result.update(load_phases.figures(traffic.phases))
    result["pacing"] = pacing.describe(users)
    result["rounds_per_person"] = rounds
    result["people"] = len(traffic.people)
    result["late_updates"], result["echo_late_updates"] = traffic.late, echo_traffic.late
    result["echo_skipped"] = not echo
    result["rss_mb_curve"] = [[round(t), mb] for t, mb in curve]
    measured = sum(traffic.count(k) for k in KINDS)
    used = cpu_end - cpu_start[0] if cpu_end is not None and cpu_start[0] is not None else None
    result["bot_cpu_s"] = None if used is None else round(used, 2)
    result["bot_cpu_ms_per_update"] = round(1000 * used / measured, 2) if used is not None and measured else None
    result.update(calls_per_update(calls_start[0], calls_end, measured))
    return result


def figures(
    traffic: Traffic,
    echo: Traffic,
    stored: int,
    lost: int,
    duplicates: int,
    rss_start: float | None,
    rss_end: float | None,
    exit_code: int | None,
    db: str | None,
    work: Path,
) -> dict[str, Any]:
    """The figures printed and returned by ``--json``."""
    result: dict[str, Any] = {"database": "postgresql" if db and db.startswith("postgres") else "sqlite"}
    result["seconds"] = round(traffic.seconds, 1)
    updates = sum(traffic.count(k) for k in KINDS)
    result["updates_per_s"] = round(updates / traffic.seconds, 1) if traffic.seconds else 0.0
    for kind in KINDS:
        values = traffic.latencies[kind]
        result[f"{kind}_n"] = len(values)
        result[f"{kind}_per_s"] = round(traffic.per_second(kind), 1)
        for share, name in ((0.5, "p50"), (0.95, "p95"), (0.99, "p99")):
            result[f"{kind}_{name}_ms"] = percentile(values, share)
    result["echo_text_per_s"] = round(echo.per_second("text"), 1)
    result["echo_text_p95_ms"] = percentile(echo.latencies["text"], 0.95)
    result["echo_save_per_s"] = round(echo.per_second("save"), 1)
    result["text_ratio_to_echo"] = (
        round(result["text_per_s"] / result["echo_text_per_s"], 3) if result["echo_text_per_s"] else None
    )
    result["errors"] = sum(traffic.errors.values())
    result["error_kinds"] = dict(traffic.errors)
    result["echo_errors"] = sum(echo.errors.values())
    result["meals_without_button"] = traffic.no_button
    result["meals_without_button_by_kind"] = dict(traffic.no_button_kinds)
    result["saves_confirmed"] = sum(traffic.saves.values())
    result["saves_unconfirmed"] = traffic.unconfirmed_saves
    result["meals_stored"] = stored
    result["lost"] = lost
    result["duplicates"] = duplicates
    result["rss_mb_start"] = rss_start
    result["rss_mb_end"] = rss_end
    result["bot_exit_code"] = exit_code
    result["load_average_1m"] = round(os.getloadavg()[0], 2)
    result["cpus"] = os.cpu_count()
    result["logs"] = str(work)
    return result
