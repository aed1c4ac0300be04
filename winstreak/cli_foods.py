"""``winstreak foods ...``: import food databases, search foods, look up barcodes.

Exit codes: 0 success; 1 nothing found; 2 bad input (empty or letterless query, invalid barcode,
unreadable or unknown file); 3 the database or the download failed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from winstreak.food_commands import (
    NOTHING_FOUND,
    FoodCommandError,
    barcode_command,
    import_command,
    search_command,
)

T = TypeVar("T")
app = typer.Typer(help="The food database: import, search, barcodes.", no_args_is_help=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: the configured one).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _run_or_exit(coro: Coroutine[Any, Any, T]) -> T:
    try:
        return asyncio.run(coro)
    except FoodCommandError as err:
        typer.echo(f"winstreak: {err}", err=True)
        raise typer.Exit(code=err.code) from None


@app.command("import")
def import_foods(
    path: Annotated[Path | None, typer.Argument(help="Export file or folder; with --download, where to save.")] = None,
    download: Annotated[bool, typer.Option("--download", help="Fetch the Open Food Facts export first.")] = False,
    url: Annotated[str | None, typer.Option(help="Export URL for --download (default: the setting).")] = None,
    db: DbOption = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Import Open Food Facts (CSV/TSV, JSONL, parquet; .gz) or USDA SR/FoodData Central CSV."""
    lines = _run_or_exit(import_command(path, download=download, url=url, db=db, progress=progress))
    for line in lines:
        typer.echo(line)


@app.command("search")
def search_foods(
    query: Annotated[str, typer.Argument(help="What to look for, e.g. 'banana' or 'nutela'.")],
    limit: Annotated[int, typer.Option(min=1, max=100, help="Most results shown.")] = 10,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Typo-tolerant search over every food, best first."""
    rows = _run_or_exit(search_command(query, limit=limit, db=db))
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
    else:
        for row in rows:
            brand = f" ({row['brand']})" if row["brand"] else ""
            typer.echo(
                f"{row['name']}{brand}: {row['kcal_100g']:g} kcal/100 g, P {row['protein_100g']:g} "
                f"C {row['carbs_100g']:g} F {row['fat_100g']:g}  [{row['id']}, score {row['score']:.2f}]"
            )
    if not rows:
        if not as_json:
            typer.echo(NOTHING_FOUND)
        raise typer.Exit(code=1)


@app.command("barcode")
def barcode_food(
    code: Annotated[str, typer.Argument(help="EAN-8, EAN-13 or UPC-A digits.")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Look up a product by barcode (the check digit is verified)."""
    row = _run_or_exit(barcode_command(code, db=db))
    if as_json:
        typer.echo(json.dumps(row, ensure_ascii=False))
    elif row is not None:
        brand = f" ({row['brand']})" if row["brand"] else ""
        typer.echo(f"{row['name']}{brand}: {row['kcal_100g']:g} kcal/100 g  [{row['id']}]")
    else:
        typer.echo(f"No product with barcode {code.strip()} in the database.")
    if row is None:
        raise typer.Exit(code=1)
