"""``winstreak bench ...``: benchmarks that print measured figures."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(help="Benchmarks.")

DEV_MEALS = Path(__file__).resolve().parents[1].parent / "shared" / "eval_dev" / "meals_dev.jsonl"


def _line(name: str, f: dict[str, Any]) -> str:
    if not f["n"]:
        return f"{name:<32} n=0"
    return (
        f"{name:<32} n={f['n']:<4} median APE {f['median_ape'] * 100:5.1f} %   "
        f"within ±20 % {f['within_20'] * 100:5.1f} %   MAE {f['mae_kcal']:6.1f} kcal"
    )


@app.command("estimate")
def bench_estimate(
    file: Annotated[Path, typer.Argument(help="JSON lines with text, kcal, source.")] = DEV_MEALS,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON object of the figures.")] = False,
    limit: Annotated[int | None, typer.Option(help="Use only the first N meals.")] = None,
    language: Annotated[str, typer.Option(help="Language of the descriptions.")] = "en",
) -> None:
    """Accuracy of the offline text estimator: median absolute % error, share within ±20 %, MAE."""
    from winstreak.estimate_bench import BadBenchFile, read_cases, run_cases, summary
    from winstreak.estimation import build_text_estimator

    if not file.is_file():
        typer.echo(f"winstreak: cannot read {file}: no such file", err=True)
        raise typer.Exit(code=2)
    try:
        cases = read_cases(file, limit)
    except BadBenchFile as err:
        typer.echo(f"winstreak: {err}", err=True)
        raise typer.Exit(code=2) from None
    estimator = build_text_estimator()
    started = time.perf_counter()
    results = asyncio.run(run_cases(estimator, cases, language))
    elapsed = time.perf_counter() - started
    figures = summary(results)
    typer.echo(f"Offline text estimator on {file.name}: {len(results)} meals in {elapsed:.1f} s")
    for source, f in figures["by_source"].items():
        typer.echo(_line(source, f))
    typer.echo(_line("all", figures))
    if as_json:
        typer.echo(json.dumps(figures))
