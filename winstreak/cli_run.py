"""``winstreak run`` (and ``winstreak scheduler``): the long-running processes, until SIGINT or SIGTERM.

Telegram uses long polling when only ``WINSTREAK_TELEGRAM_TOKEN`` is set and a webhook when
``WINSTREAK_TELEGRAM_WEBHOOK_URL`` is set too; Discord runs when its token is set; the scheduler runs beside
them. Every process serves ``/healthz``, ``/readyz`` and ``/metrics`` (and the webhook) on one HTTP server at
``WINSTREAK_HTTP_HOST:WINSTREAK_HTTP_PORT``.

A graceful stop: the first SIGTERM (or Ctrl-C) stops taking updates, lets those in flight finish (bounded),
closes every session and the database pool, and exits 0. Heavy libraries load only here, when a service
that needs them starts.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import typer

from winstreak.cli import fail, settings_or_exit
from winstreak.settings import Settings

if TYPE_CHECKING:
    from ops.http import OpsServer
    from winstreak.bootstrap import App

log = logging.getLogger(__name__)
app = typer.Typer(help="Run the chat bots.", invoke_without_command=True, no_args_is_help=False, rich_markup_mode=None)
scheduler_app = typer.Typer(
    help="Run the scheduler alone (close-outs, results, reminders, the outbox sender) with its HTTP server.",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)


class Service(Protocol):
    """A part of a long-running process: adds its checks and routes, then runs until ``stop``."""

    def mount(self, server: OpsServer) -> None: ...

    async def run(self, stop: asyncio.Event) -> None: ...


class SchedulerService:
    """Day close-outs, daily results, reminders and the outbox sender."""

    def __init__(self, wired: App) -> None:
        self.wired = wired

    def mount(self, server: OpsServer) -> None:
        """Readiness of each platform it sends to, by a REST probe unless a running bot checks it already."""
        from winstreak.ops_wiring import add_platform_probes

        add_platform_probes(self.wired, server)

    async def run(self, stop: asyncio.Event) -> None:
        """Run the schedule until ``stop``."""
        from scheduler.app import run_scheduler
        from winstreak.scheduler_wiring import scheduler_jobs

        await run_scheduler(scheduler_jobs(self.wired), stop)


def _telegram(wired: App) -> Service:
    from winstreak.telegram_app import TelegramService

    return TelegramService(wired)


def _discord(wired: App) -> Service:
    from winstreak.discord_app import DiscordService

    return DiscordService(wired)


Factory = Callable[["App"], Service]


def services(settings: Settings) -> dict[str, Factory]:
    """The services the settings enable, by name; the scheduler runs beside any chat platform."""
    chosen: dict[str, Factory] = {}
    if settings.telegram_token is not None:
        chosen["telegram"] = _telegram
    if settings.discord_token is not None:
        chosen["discord"] = _discord
    if chosen and settings.run_scheduler:  # every scheduler job is idempotent, so each replica may run it
        chosen["scheduler"] = SchedulerService
    return chosen


async def run_services(settings: Settings, chosen: dict[str, Factory]) -> None:
    """Wire, start the HTTP server, run the services side by side; a signal (or one failing) stops them all."""
    from ops.collector import collector_paused
    from ops.event_loop import loop_name

    with collector_paused():  # a start makes mostly lasting objects: no collections while it does
        from winstreak.bootstrap import build_app
        from winstreak.ops_wiring import ops_server

        wired = await build_app(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    server = ops_server(wired)
    try:
        parts = {name: factory(wired) for name, factory in chosen.items()}
        for part in parts.values():
            part.mount(server)
        await server.start()
        typer.echo(
            f"winstreak: running {', '.join(parts)} on {loop_name()}; http://{settings.http_host}:{server.port}"
            " (Ctrl-C to stop)",
            err=True,
        )
        tasks = [asyncio.create_task(part.run(stop), name=name) for name, part in parts.items()]
        stopper = asyncio.create_task(stop.wait())
        await asyncio.wait([*tasks, stopper], return_when=asyncio.FIRST_COMPLETED)
        stop.set()
        log.info("stopping")
        await server.stop()  # no new webhook updates; those in flight finish; the webhook's bot closes
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        failures = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
        if failures:
            raise failures[0]
    finally:
        await server.stop()
        await wired.close()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    log.info("stopped")


def known_failure(err: BaseException) -> str | None:
    """One line for the start-up failures an operator can fix (tokens refused, intents missing)."""
    name = type(err).__name__
    if name == "TelegramUnauthorizedError":
        return "Bad setting WINSTREAK_TELEGRAM_TOKEN: Telegram refused the token (see docs/telegram.md)"
    if name == "LoginFailure":
        return "Bad setting WINSTREAK_DISCORD_TOKEN: Discord refused the token (see docs/discord.md)"
    if name == "PrivilegedIntentsRequired":
        return "Discord: turn on the Message Content Intent of the bot in the developer portal (docs/discord.md)"
    return None


def serve(settings: Settings, chosen: dict[str, Factory]) -> None:
    """Run until stopped, turning known start-up failures into one line and exit code 2."""
    from ops.event_loop import run_served
    from ops.malloc import pin_mmap_threshold
    from winstreak.bootstrap import DatabaseUnavailable
    from winstreak.prepare_database import prepare_in_child

    pin_mmap_threshold()  # glibc: keeps the heap from creeping under load (ops/malloc.py, docs/load.md)
    prepare_in_child(settings)  # a first start's migrations and seeding: their imports do not stay in this process
    try:
        run_served(run_services(settings, chosen))
    except DatabaseUnavailable as err:
        raise fail(str(err)) from None
    except Exception as err:
        message = known_failure(err)
        if message is None:
            raise
        raise fail(message) from None


@app.callback()
def run() -> None:
    """Start the configured platforms (Telegram: polling, or webhook when a URL is set; Discord) and the scheduler."""
    settings = settings_or_exit()
    chosen = services(settings)
    if not chosen:
        tokens = "WINSTREAK_TELEGRAM_TOKEN or WINSTREAK_DISCORD_TOKEN (docs/telegram.md, docs/discord.md)"
        raise fail(f"nothing to run: set {tokens}")
    serve(settings, chosen)


@scheduler_app.callback()
def run_scheduler_alone() -> None:
    """The scheduler with its HTTP server (/healthz, /readyz, /metrics), until SIGINT or SIGTERM."""
    serve(settings_or_exit(), {"scheduler": SchedulerService})
