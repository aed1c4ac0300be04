"""``winstreak bench ...``: benchmarks that print measured figures."""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from winstreak.bench.load_pace import THINK_S, Pacing

app = typer.Typer(help="Benchmarks.")

DEV_MEALS = Path(__file__).resolve().parents[2].parent / "shared" / "eval_dev" / "meals_dev.jsonl"


def _line(name: str, f: dict[str, Any]) -> str:
    if not f["n"]:
        return f"{name:<32} n=0"
    return (
        f"{name:<32} n={f['n']:<4} median APE {f['median_ape'] * 100:5.1f} %   "
        f"within ±20 % {f['within_20'] * 100:5.1f} %   off >50 % {f['off_50'] * 100:5.1f} %   "
        f"off >100 % {f['off_100'] * 100:5.1f} %   MAE {f['mae_kcal']:6.1f} kcal"
    )


def _worst_lines(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["Worst rows (truth -> estimate):"]
    for row in rows:
        lines.append(f"  {row['kcal']:7.0f} -> {row['estimate']:7.0f} kcal  {row['text'][:110]}")
        items = "; ".join(f"{i['name']} {i['grams']:g} g {i['kcal']:.0f} kcal" for i in row["items"]) or "no items"
        lines.append(f"      {items[:160]}")
    return lines


@app.command("estimate")
def bench_estimate(
    file: Annotated[Path, typer.Argument(help="JSON lines with text, kcal, source.")] = DEV_MEALS,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
    limit: Annotated[int | None, typer.Option(help="Use only the first N meals.")] = None,
    language: Annotated[str, typer.Option(help="Language of the descriptions.")] = "en",
    database: Annotated[
        bool, typer.Option("--database", help="Search the configured database instead of the built-in foods.")
    ] = False,
) -> None:
    """Accuracy of the offline text estimator: median absolute % error, share within ±20 %, off by >50/>100 %, MAE."""
    from winstreak.bench.estimate import BadBenchFile, Result, read_cases, run_cases, summary
    from winstreak.estimate_catalog import catalog_scope
    from winstreak.estimation import build_text_estimator

    if not file.is_file():
        typer.echo(f"winstreak: cannot read {file}: no such file", err=True)
        raise typer.Exit(code=2)
    try:
        cases = read_cases(file, limit)
    except BadBenchFile as err:
        typer.echo(f"winstreak: {err}", err=True)
        raise typer.Exit(code=2) from None

    async def _measure() -> tuple[list[Result], float, float]:
        async with catalog_scope(database) as catalog:
            started, cpu = time.perf_counter(), time.process_time()
            done = await run_cases(build_text_estimator(catalog), cases, language)
            return done, time.perf_counter() - started, time.process_time() - cpu

    from winstreak.bootstrap import DatabaseUnavailable
    from winstreak.settings import SettingsError

    try:
        results, elapsed, cpu = asyncio.run(_measure())
    except (SettingsError, DatabaseUnavailable) as err:
        typer.echo(f"winstreak: {err}", err=True)
        raise typer.Exit(code=2) from None
    figures = summary(results)
    figures["cpu_ms_per_meal"] = round(cpu * 1000 / max(1, len(results)), 2)
    typer.echo(
        f"Offline text estimator on {file.name}: {len(results)} meals in {elapsed:.1f} s, "
        f"{figures['cpu_ms_per_meal']:.1f} ms CPU per meal (process time: the machine's load moves it far less)"
    )
    for source, f in figures["by_source"].items():
        typer.echo(_line(source, f))
    typer.echo(_line("all", figures))
    typer.echo("\n".join(_worst_lines(figures["worst"])))
    if as_json:
        typer.echo(json.dumps(figures))


@app.command("charts")
def bench_charts(runs: Annotated[int, typer.Option(min=1, help="Renders per chart.")] = 20) -> None:
    """Render time of the progress charts (target: under 300 ms each), after a one-off warm-up."""
    from winstreak.bench.charts import chart_cases, time_chart, warm_up_seconds

    imported, warmed = warm_up_seconds()
    typer.echo(f"import matplotlib + chart modules {imported * 1000:.0f} ms, warm-up render {warmed * 1000:.0f} ms")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    typer.echo(f"load average {load:.1f} on {os.cpu_count()} CPUs (wall times grow with it; CPU p50 much less)")
    typer.echo(f"{'chart':<26} {'runs':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'CPU p50':>8} {'PNG KB':>7}")
    for name, render in chart_cases().items():
        f = time_chart(name, render, runs)
        times = f"{f.p50_ms:>8.1f} {f.p95_ms:>8.1f} {f.max_ms:>8.1f} {f.cpu_p50_ms:>8.1f}"
        typer.echo(f"{f.name:<26} {f.runs:>4} {times} {f.png_bytes / 1024:>7.0f}")


@app.command("search")
def bench_search(
    products: Annotated[int, typer.Option(min=1, help="Products to import (the 250k sample, expanded past it).")] = (
        200_000
    ),
    queries: Annotated[int, typer.Option(min=1, help="Misspelled queries to time.")] = 500,
    db: Annotated[str | None, typer.Option("--db", help="Database URL (default: a temporary SQLite file).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
) -> None:
    """Food search: import N products, build the index, time typo'd queries (p50/p95/p99, top-1/top-3)."""
    from winstreak.bench.food import bench
    from winstreak.bench.food_corpus import SAMPLE

    sample = Path(__file__).resolve().parents[2].parent / "shared" / Path(*SAMPLE)
    if not sample.is_file():
        typer.echo(f"winstreak: the benchmark needs {sample} (the project's shared data)", err=True)
        raise typer.Exit(code=2)
    r = bench(sample, products, queries, db)
    typer.echo(f"database        {r.db}, {r.products:,} products imported, {r.indexed_docs:,} documents indexed")
    typer.echo(f"import          {r.load_s:.1f} s ({r.import_rows_per_s:,.0f} rows/s)")
    typer.echo(f"index start-up  {r.index_s:.2f} s, +{r.index_mb:.0f} MB resident; {r.cache_load_s:.2f} s from cache")
    typer.echo(
        f"latency         p50 {r.p50_ms:.2f} ms   p95 {r.p95_ms:.2f} ms   p99 {r.p99_ms:.2f} ms  ({r.queries} queries)"
    )
    typer.echo(f"  index only    p50 {r.index_p50_ms:.2f} ms   p95 {r.index_p95_ms:.2f} ms (no database read)")
    typer.echo(
        f"  CPU time      p50 {r.cpu_p50_ms:.2f} ms   p95 {r.cpu_p95_ms:.2f} ms (load average {r.load_average:.1f})"
    )
    typer.echo(f"accuracy        top-1 {r.top1 * 100:.1f} %   top-3 {r.top3 * 100:.1f} %")
    if as_json:
        typer.echo(json.dumps(r.json()))


app.command("foods", help="Alias of `bench search`.")(bench_search)


@app.command("closeout")
def bench_closeout(
    users: Annotated[int, typer.Option(min=1, help="Users to create, each with a week of meals.")] = 100_000,
    db: Annotated[str | None, typer.Option("--db", help="SCRATCH database URL (default: a temporary SQLite file).")] = (
        None
    ),
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
) -> None:
    """Day close-out at scale: N users with a week of meals, then one set-based close-out for all of them."""
    from winstreak.bench.closeout import bench

    r = bench(users, db)
    typer.echo(f"database   {r.db}, {r.users:,} users, {r.meals:,} meals in the week")
    typer.echo(f"setup_s    {r.setup_s:.1f}")
    typer.echo(f"closeout_s {r.closeout_s:.1f}  ({r.closed:,} days closed, {r.users / r.closeout_s:,.0f} users/s)")
    typer.echo(f"unlocked   {r.trophies:,} trophies, {r.rank_changes:,} rank changes")
    if as_json:
        typer.echo(json.dumps(r.json()))


@app.command("db")
def bench_db(
    calls: Annotated[int, typer.Option(min=1, help="Timed calls of each kind (after 20 untimed).")] = 500,
    db: Annotated[str | None, typer.Option("--db", help="SCRATCH database URL (default: a temporary SQLite file).")] = (
        None
    ),
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
) -> None:
    """CPU per call of each database call a chat update makes (claim, state, user, quota, meals, exercise)."""
    from winstreak.bench.db_calls import run

    dialect, figures = run(db, calls)
    typer.echo(f"database calls of a chat update on {dialect}, {calls} timed calls each (process CPU per call):")
    for f in figures:
        typer.echo(f"  {f.name:<40} {f.cpu_ms:7.3f} ms")
    if as_json:
        typer.echo(
            json.dumps({"database": dialect, "calls": calls, "cpu_ms": {f.name: round(f.cpu_ms, 4) for f in figures}})
        )


@app.command("outbox")
def bench_outbox(
    messages: Annotated[int, typer.Option(help="How many messages to drain.")] = 10_000,
    limit: Annotated[float, typer.Option(help="Messages per second allowed (Telegram: about 30).")] = 30.0,
    db: Annotated[str | None, typer.Option(help="Database URL (default: a temporary SQLite file).")] = None,
    senders: Annotated[int, typer.Option(help="Drainers at once, each with its own limiter (like processes).")] = 1,
    leases: Annotated[bool, typer.Option(help="One sender per platform at a time (--no-leases: the old way).")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
) -> None:
    """Drain N outbox messages to a rate-limited stand-in Bot API; print the rate against the limit."""
    from winstreak.bench.outbox import run_outbox_bench

    if messages < 1 or limit <= 0 or senders < 1:
        typer.echo("winstreak: --messages and --senders must be at least 1 and --limit above 0", err=True)
        raise typer.Exit(code=2)
    figures = asyncio.run(run_outbox_bench(messages, limit, db, senders, leases))
    typer.echo(
        f"outbox: {figures['senders']} sender(s), leases {'on' if leases else 'off'}: "
        f"{figures['sent']} sent in {figures['seconds']} s = {figures['rate_per_s']}/s "
        f"against a limit of {figures['limit_per_s']}/s ({figures['fraction_of_limit']:.0%}); "
        f"duplicates {figures['duplicates']}, HTTP 429 {figures['http_429']}"
    )
    if as_json:
        typer.echo(json.dumps(figures))


@app.command("voice")
def bench_voice(
    phrases: Annotated[
        int, typer.Option("--notes", help="Phrases to take from the set (0: all); each is spoken 4 ways.")
    ] = 0,
    phrase_set: Annotated[str, typer.Option("--set", help="dev (settings chosen on it) or held-out (judges).")] = "dev",
    threads: Annotated[int, typer.Option(help="CPU threads for Whisper.")] = 1,
    hints: Annotated[bool, typer.Option("--hint/--no-hint", help="Read the meal-vocabulary hint before notes.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
) -> None:
    """Offline Whisper tiny.en on flite voice notes (2 voices x 2 speeds): times, word error rates, memory."""
    from winstreak.bench.voice import SETS, MissingTool, run

    if phrase_set not in SETS:
        typer.echo(f"winstreak: --set is one of {', '.join(SETS)}", err=True)
        raise typer.Exit(code=2)
    try:
        figures = run(max(0, phrases), threads, phrase_set, hints)
    except MissingTool as err:
        typer.echo(f"winstreak: {err}", err=True)
        raise typer.Exit(code=2) from None
    for row in figures["rows"]:
        typer.echo(
            f"{row['voice']:9} {row['audio_s']:4.1f} s note -> {row['seconds']:5.2f} s ({row['window']} window)  "
            f"“{row['text']}”"
        )
    for voice, rate in figures["word_error_rate_by_voice"].items():
        typer.echo(f"word error rate, flite {voice}: {rate * 100:.1f} %")
    typer.echo(
        f"Whisper tiny.en int8, {figures['threads']} threads, hint {'on' if figures['hints'] else 'off'}, "
        f"{figures['phrase_set']} set ({figures['phrases']} phrases): load {figures['load_s']:.2f} s; "
        f"{figures['notes']} notes (median {figures['median_audio_s']:.1f} s of audio) transcribed in "
        f"median {figures['median_s']:.2f} s (CPU {figures['median_cpu_s']:.2f} s), max {figures['max_s']:.2f} s; "
        f"{figures['notes_5s']} notes of 4-6 s: median {figures['median_s_5s']} s "
        f"(CPU {figures['median_cpu_s_5s']} s); "
        f"word error rate {figures['word_error_rate'] * 100:.1f} %; "
        f"{figures['short_window']} of {figures['notes']} through the short window; "
        f"RSS {figures['rss_before_mb']} MB before, {figures['rss_after_mb']} MB after; "
        f"load average {figures['load_average_1m']} on {os.cpu_count()} cores"
    )
    if as_json:
        typer.echo(json.dumps({k: v for k, v in figures.items() if k != "rows"}))


@app.command("startup")
def bench_startup(
    repeats: Annotated[int, typer.Option(min=1, help="Runs of each command.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
    bytecode: Annotated[
        bool, typer.Option(help="As installed: the modules' bytecode cached (--no-bytecode: compiled at each start).")
    ] = True,
) -> None:
    """Start-up time of the commands, beside a bare `python -c pass` measured in the same run."""
    from winstreak.bench.startup import measure

    timings = measure(repeats, bytecode)
    typer.echo("bytecode cached, as installed" if bytecode else "no bytecode cache: modules compiled at each start")
    for timing in timings:
        typer.echo(
            f"{timing.name:<34} median {timing.median:5.2f} s   best {timing.best:5.2f} s   "
            f"CPU {timing.cpu:5.2f} s  ({timing.runs} runs)"
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    typer.echo(f"load average {load:.2f} on {os.cpu_count()} cores")
    if as_json:
        typer.echo(json.dumps({t.name: {"median_s": t.median, "best_s": t.best, "cpu_s": t.cpu} for t in timings}))


@app.command("load")
def bench_load(
    users: Annotated[int, typer.Option(min=1, max=5000, help="Simulated people.")] = 50,
    seconds: Annotated[float, typer.Option(min=1, max=36_000, help="How long each of the two runs lasts.")] = 30,
    db: Annotated[str | None, typer.Option("--db", help="SCRATCH database URL (default: a temporary SQLite file).")] = (
        None
    ),
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
    profile: Annotated[
        Path | None, typer.Option("--profile", help="Run the bot under cProfile; its statistics go to this file.")
    ] = None,
    media: Annotated[
        bool, typer.Option("--media/--no-media", help="Voice notes, barcode photos, /food and Edit in the mix.")
    ] = True,
    think: Annotated[
        float,
        typer.Option(min=0, max=600, help="Mean seconds a person waits after an answer (±50 %); 0: a closed loop."),
    ] = THINK_S,
    rate: Annotated[
        float | None,
        typer.Option(min=0.01, max=100_000, help="Open loop: updates/s offered in all (instead of --think)."),
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the people's pauses.")] = 1,
    echo: Annotated[
        bool, typer.Option("--echo/--no-echo", help="Then the same traffic to an echo bot, for a ratio.")
    ] = True,
    rounds: Annotated[
        int | None,
        typer.Option(min=1, max=100_000, help="A person leaves after this many meals; a newcomer takes the place."),
    ] = None,
) -> None:
    """People logging meals through a stand-in Bot API to `winstreak run` (webhook), beside an echo bot; reconciled."""
    from winstreak.bench.load import run_load
    from winstreak.bench.load_report import lines

    pacing = Pacing(think_s=think, rate=rate, seed=seed)
    try:
        figures = asyncio.run(
            run_load(users, seconds, db, profile.resolve() if profile else None, media, pacing, echo, rounds)
        )
    except RuntimeError as err:
        typer.echo(f"winstreak: {err}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo("\n".join(lines(figures, users)))
    if as_json:
        typer.echo(json.dumps(figures))
    if figures["lost"] or figures["duplicates"]:
        raise typer.Exit(code=1)


@app.command("memory")
def bench_memory(
    users: Annotated[int, typer.Option(min=1, max=5000, help="Simulated people, each a closed loop.")] = 20,
    warm: Annotated[float, typer.Option(min=1, max=3600, help="Seconds of warm-up before the first snapshot.")] = 20,
    seconds: Annotated[float, typer.Option(min=1, max=36000, help="Seconds between the two snapshots.")] = 60,
    db: Annotated[str | None, typer.Option("--db", help="SCRATCH database URL (default: a temporary SQLite file).")] = (
        None
    ),
    media: Annotated[bool, typer.Option("--media/--no-media", help="Voice notes and photos in the mix.")] = False,
    top: Annotated[int, typer.Option(min=1, max=200, help="Allocation stacks shown.")] = 12,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
    rounds: Annotated[
        int | None,
        typer.Option(min=1, max=100_000, help="A person leaves after this many meals; a newcomer takes the place."),
    ] = None,
) -> None:
    """The bot in this process under the load mix; tracemalloc snapshots after a warm-up and after the run, diffed."""
    from winstreak.bench.load_memory import run_memory

    try:
        figures = asyncio.run(run_memory(users, warm, seconds, db, media, top, rounds))
    except RuntimeError as err:
        typer.echo(f"winstreak: {err}", err=True)
        raise typer.Exit(code=2) from None
    if rounds:
        typer.echo(f"people come and go: each leaves after {rounds} meals; {figures['people']} people in all")
    typer.echo(
        f"{figures['users']} people: {figures['warm_updates']} updates of warm-up, then {figures['updates']} measured; "
        f"RSS {figures['rss_mb_ready']} MB ready, {figures['rss_mb_before']} MB after warm-up, "
        f"{figures['rss_mb_after']} MB after the run (tracemalloc on, it adds its own)"
    )
    for span, key in (("during the warm-up", "warm_grown"), ("during the measured run", "grown")):
        typer.echo(f"Python allocations grown {span}: {figures[key + '_kib_total']} KiB; largest:")
        for row in figures[key]:
            where = " < ".join(reversed(row["stack"][-3:]))
            typer.echo(f"  {row['kib']:>9} KiB {row['blocks']:>7} blocks  {where}")
    if as_json:
        typer.echo(json.dumps(figures))
