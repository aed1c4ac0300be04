"""The ``winstreak`` command line: chat in the terminal, manage the database, run the bots.

Feature modules add sub-commands by exposing a Typer app registered in :data:`SUBCOMMANDS`. Every heavy
library (SQLAlchemy, aiogram, discord.py, Whisper, OCR, matplotlib, pyarrow) is imported inside the command
that uses it, so ``winstreak --help`` and the first prompt of ``winstreak chat`` come quickly.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from winstreak.settings import SettingsError, load_settings

if TYPE_CHECKING:
    from winstreak.settings import Settings

app = typer.Typer(
    help="WinStreak: a calorie tracker that lives in chat.", no_args_is_help=True, pretty_exceptions_enable=False
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")

# (module, attribute, name): Typer apps of feature modules (each light to import: heavy work is inside).
SUBCOMMANDS: tuple[tuple[str, str, str], ...] = (
    ("winstreak.cli_estimate", "app", "estimate"),
    ("winstreak.bench.cli", "app", "bench"),
    ("winstreak.cli_foods", "app", "foods"),
    ("winstreak.cli_run", "app", "run"),
    ("winstreak.cli_run", "scheduler_app", "scheduler"),
)


def fail(message: str) -> typer.Exit:
    """Print one clear line to stderr and give the exit to raise."""
    typer.echo(f"winstreak: {message}", err=True)
    return typer.Exit(code=2)


def settings_or_exit() -> Settings:
    """Load settings, or stop with one line naming the bad field; then set up structured logs."""
    try:
        settings = load_settings()
    except SettingsError as err:
        raise fail(str(err)) from None
    from winstreak.ops_logging import configure_logging

    configure_logging(settings)
    return settings


@app.command()
def chat(user: Annotated[str, typer.Option(help="Your name in this terminal chat.")] = "me") -> None:
    """Chat with WinStreak in this terminal (scriptable: one message a line on standard input)."""
    from bots.console.chat import run_console
    from bots.console.news import console_news
    from winstreak.bootstrap import DatabaseUnavailable, build_app

    settings = settings_or_exit()

    async def _main() -> None:
        wired = await build_app(settings)
        try:
            await run_console(
                wired.conversation,
                user,
                sys.stdin,
                sys.stdout,
                interactive=sys.stdin.isatty(),
                image_dir=settings.data_dir / "pictures",
                news=console_news(wired.deps, wired.deps.game_uow, user) if wired.deps.game_uow else None,
            )
        finally:
            await wired.close()

    try:
        asyncio.run(_main())
    except DatabaseUnavailable as err:
        raise fail(str(err)) from None
    except KeyboardInterrupt:
        typer.echo("\nBye!")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema up to date (start-up does this too), under the migration lock."""
    from winstreak.bootstrap import DatabaseUnavailable, build_app

    settings = settings_or_exit()

    async def _main() -> None:
        wired = await build_app(settings)
        await wired.close()

    try:
        asyncio.run(_main())
    except DatabaseUnavailable as err:
        raise fail(str(err)) from None
    typer.echo(f"Database is up to date: {settings.shown_database_url}")


def _register_subcommands() -> None:
    for module_name, attribute, name in SUBCOMMANDS:
        module = importlib.import_module(module_name)
        app.add_typer(getattr(module, attribute), name=name)


def main() -> None:
    """Entry point of the ``winstreak`` console script."""
    _register_subcommands()
    app()
