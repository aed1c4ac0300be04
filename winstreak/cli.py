"""The ``winstreak`` command line: chat in the terminal, manage the database, run the bots.

Feature modules add sub-commands by exposing a Typer app registered in :data:`SUBCOMMANDS`. Every heavy
library (SQLAlchemy, aiogram, discord.py, Whisper, OCR, matplotlib, pyarrow) is imported inside the command
that uses it, so ``winstreak --help`` and the first prompt of ``winstreak chat`` come quickly.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from typer import _click as click  # typer vendors click: its types are these
from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:
    from winstreak.settings import Settings

# name → (module, attribute, summary): Typer apps of feature modules, imported only when their command runs
# (the summary is what `winstreak --help` shows without importing them).
SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "run": ("winstreak.cli_run", "app", "Run the chat bots and the scheduler (with the HTTP server)."),
    "scheduler": ("winstreak.cli_run", "scheduler_app", "Run the scheduler alone (with the HTTP server)."),
    "estimate": ("winstreak.cli_estimate", "app", "Estimate a meal's energy from a description, photo or voice."),
    "foods": ("winstreak.cli_foods", "app", "The food database: import, search, barcodes."),
    "bench": ("winstreak.bench.cli", "app", "Benchmarks that print their figures."),
}


class LazyGroup(TyperGroup):
    """A command group that imports a sub-command's module only when that sub-command is used."""

    listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The eager commands, then the lazy ones."""
        return [*super().list_commands(ctx), *(name for name in SUBCOMMANDS if name not in self.commands)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command; a lazy one is imported now (or, while listing help, shown by its summary)."""
        if cmd_name in self.commands or cmd_name not in SUBCOMMANDS:
            return super().get_command(ctx, cmd_name)
        module_name, attribute, summary = SUBCOMMANDS[cmd_name]
        if self.listing:
            return TyperCommand(cmd_name, help=summary)
        command = typer.main.get_command(getattr(importlib.import_module(module_name), attribute))
        command.name = cmd_name
        self.commands[cmd_name] = command
        return command

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Help lists the lazy commands by their summaries, importing nothing."""
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False


app = typer.Typer(
    help="WinStreak: a calorie tracker that lives in chat.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's formatter alone costs a third of a second to import
    cls=LazyGroup,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def fail(message: str) -> typer.Exit:
    """Print one clear line to stderr and give the exit to raise."""
    typer.echo(f"winstreak: {message}", err=True)
    return typer.Exit(code=2)


def settings_or_exit() -> Settings:
    """Load settings, or stop with one line naming the bad field; then set up structured logs."""
    from winstreak.settings import SettingsError, load_settings

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
    import asyncio

    from ops.collector import collector_paused

    with collector_paused():  # the start makes ~140,000 lasting objects: no collections while it does
        from bots.console.chat import run_console
        from bots.console.news import console_news
        from winstreak.bootstrap import DatabaseUnavailable, build_app

        settings = settings_or_exit()

    async def _main() -> None:
        with collector_paused():
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
    import asyncio

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


def main() -> None:
    """Entry point of the ``winstreak`` console script."""
    app()
