"""``winstreak estimate``: estimate a meal from a description, offline, printed as text or JSON.

``--jsonl FILE`` reads one description a line (plain text, or a JSON object with ``text``) and writes
one JSON estimate a line, in the same order, for evaluation. A single estimate that finds nothing (no item, or
0 kcal: an empty, unreadable or oversized file, words that are not food) exits 1 with the reason on stderr.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from core.model.estimate import Estimate

# The estimator, the catalog and SQLAlchemy are imported when the command runs, so `--help` stays quick.

app = typer.Typer(
    help="Estimate a meal's energy from a description.", context_settings={"allow_interspersed_args": True}
)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"winstreak: {message}", err=True)
    return typer.Exit(code=2)


def _line_text(line: str) -> str:
    """The description on a JSON-lines input line: the ``text`` of a JSON object, else the line."""
    stripped = line.strip()
    if stripped.startswith("{"):
        try:
            row = json.loads(stripped)
        except ValueError:
            return stripped
        if isinstance(row, dict) and isinstance(row.get("text"), str):
            return str(row["text"])
    return stripped


def show(estimate: Estimate, language: str = "en") -> str:
    """A plain-text rendering for the terminal; the notes in ``language``, as the bot shows them."""
    from bots.common.i18n import t
    from bots.common.render import whole_parts

    shown = whole_parts([i.kcal for i in estimate.items])  # the items add up to the total, as in the chat
    lines = [f"Heard: “{estimate.transcript}”"] if estimate.transcript else []  # a voice note's words, as the chat
    lines += [
        f"{f'{i.count:g} × ' if i.count else ''}{i.name}: {i.grams:g} g, {kcal} kcal"
        f" (P {i.protein_g:g} g, C {i.carbs_g:g} g, F {i.fat_g:g} g) [{i.source}]"
        for i, kcal in zip(estimate.items, shown, strict=True)
    ]
    total = sum(shown) if estimate.items else round(estimate.total_kcal)
    lines.append(f"Total: {total} kcal (range {estimate.low_kcal:.0f}–{estimate.high_kcal:.0f} kcal)")
    if estimate.unparsed:
        lines.append("Not understood: " + "; ".join(estimate.unparsed))
    lines.extend(t(language, note) for note in estimate.notes)
    return "\n".join(lines)


def nothing_estimated(estimate: Estimate) -> str | None:
    """Why nothing could be estimated (no item, or items worth 0 kcal); None when there is an estimate."""
    if estimate.items and estimate.total_kcal > 0:
        return None
    reasons = [*estimate.notes, *(f"Not understood: {u}." for u in estimate.unparsed)] or ["No food was recognised."]
    return "nothing could be estimated. " + " ".join(reasons)


def _print(result: Estimate, as_json: bool, language: str = "en") -> str | None:
    from winstreak.estimation import estimate_to_json

    typer.echo(json.dumps(estimate_to_json(result), ensure_ascii=False) if as_json else show(result, language))
    return nothing_estimated(result)


async def _run(
    text: str | None, jsonl: Path | None, as_json: bool, language: str, database: bool,
    voice: Path | None = None, photo: Path | None = None,
) -> str | None:  # fmt: skip
    """Estimate and print; the reason when a single estimate found nothing (the command then exits 1)."""
    from core.services.food_names import LocalizedEstimator
    from winstreak.estimate_catalog import catalog_scope
    from winstreak.estimation import build_text_estimator, estimate_to_json

    async with catalog_scope(database) as catalog:
        estimator = LocalizedEstimator(build_text_estimator(catalog), catalog)  # the bot's wrapper: French names
        if voice is not None or photo is not None:
            from winstreak.ai_wiring import build_estimator, estimate_file
            from winstreak.settings import load_settings

            full = LocalizedEstimator(build_estimator(load_settings(), build_text_estimator(catalog), catalog), catalog)
            result = await estimate_file(full, voice=voice, photo=photo, caption=text or "", language=language)
            return _print(result, as_json, language)
        if jsonl is None:
            return _print(await estimator.from_text(text or "", language), as_json, language)
        with jsonl.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                estimate = await estimator.from_text(_line_text(line), language)
                sys.stdout.write(json.dumps(estimate_to_json(estimate), ensure_ascii=False) + "\n")
    return None


@app.callback(invoke_without_command=True)
def estimate(
    text: Annotated[str | None, typer.Argument(help='What you ate, e.g. "2 eggs, toast and a coffee".')] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    jsonl: Annotated[Path | None, typer.Option(help="Read one description a line; write one JSON a line.")] = None,
    language: Annotated[str, typer.Option(help="Language of the text: en or fr.")] = "en",
    database: Annotated[
        bool, typer.Option("--database", help="Search the configured database (imported foods too).")
    ] = False,
    voice: Annotated[
        Path | None, typer.Option(help="A voice note (OGG/Opus, WAV, MP3): transcribe, then estimate.")
    ] = None,
    photo: Annotated[
        Path | None, typer.Option(help="A photo: barcode, nutrition label, or the text as caption.")
    ] = None,
) -> None:
    """Estimate items, grams, kcal, macros and a range from a description, with no network."""
    for given in (voice, photo):
        if given is not None and not given.is_file():
            raise _fail(f"cannot read {given}: no such file")
    if voice is not None and photo is not None:
        raise _fail("give --voice or --photo, not both")
    if voice is None and photo is None and (text is None) == (jsonl is None):
        raise _fail('give either a description ("2 eggs and toast") or --jsonl FILE')
    if jsonl is not None and not jsonl.is_file():
        raise _fail(f"cannot read {jsonl}: no such file")
    from winstreak.settings import SettingsError

    errors: tuple[type[Exception], ...] = (SettingsError,)
    if database:
        from winstreak.bootstrap import DatabaseUnavailable

        errors = (SettingsError, DatabaseUnavailable)
    try:
        failure = asyncio.run(_run(text, jsonl, as_json, language, database, voice, photo))
    except errors as err:
        raise _fail(str(err)) from None
    if failure is not None:  # empty, unreadable or bomb files, "Total: 0 kcal": a script must not take it as done
        typer.echo(f"winstreak: {failure}", err=True)
        raise typer.Exit(code=1)
