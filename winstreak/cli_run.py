"""``winstreak run``: start every configured chat platform and the scheduler until SIGINT or SIGTERM.

Telegram uses long polling when only ``WINSTREAK_TELEGRAM_TOKEN`` is set and a webhook server when
``WINSTREAK_TELEGRAM_WEBHOOK_URL`` is set too. Discord runs when its token is set; the scheduler runs beside them.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Coroutine
from typing import Any

import typer
from aiogram.utils.token import TokenValidationError
from discord import LoginFailure, PrivilegedIntentsRequired

from winstreak.bootstrap import App, DatabaseUnavailable, build_app
from winstreak.cli import fail, settings_or_exit
from winstreak.settings import Settings

app = typer.Typer(help="Run the chat bots.", invoke_without_command=True, no_args_is_help=False)

Service = Callable[[App, asyncio.Event], Coroutine[Any, Any, None]]


async def _telegram(wired: App, stop: asyncio.Event) -> None:
    from winstreak.telegram_app import run_telegram

    await run_telegram(wired, stop)


async def _discord(wired: App, stop: asyncio.Event) -> None:
    from winstreak.discord_app import run_discord

    await run_discord(wired, stop)


async def _scheduler(wired: App, stop: asyncio.Event) -> None:
    from scheduler.app import run_scheduler
    from winstreak.scheduler_wiring import scheduler_jobs

    await run_scheduler(scheduler_jobs(wired), stop)


def services(settings: Settings) -> dict[str, Service]:
    """The services the settings enable, by name; the scheduler runs beside any chat platform."""
    chosen: dict[str, Service] = {}
    if settings.telegram_token is not None:
        chosen["telegram"] = _telegram
    if settings.discord_token is not None:
        chosen["discord"] = _discord
    if chosen:  # every scheduler job is idempotent, so each replica may run it
        chosen["scheduler"] = _scheduler
    return chosen


async def run_services(settings: Settings, chosen: dict[str, Service]) -> None:
    """Run them side by side; a signal (or one of them failing) stops them all."""
    wired = await build_app(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        tasks = [asyncio.create_task(service(wired, stop), name=name) for name, service in chosen.items()]
        await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        stop.set()
        await asyncio.gather(*tasks)
    finally:
        await wired.close()


@app.callback()
def run() -> None:
    """Start the configured platforms (Telegram: polling, or webhook when a URL is set; Discord) and the scheduler."""
    settings = settings_or_exit()
    chosen = services(settings)
    if not chosen:
        tokens = "WINSTREAK_TELEGRAM_TOKEN or WINSTREAK_DISCORD_TOKEN (docs/telegram.md, docs/discord.md)"
        raise fail(f"nothing to run: set {tokens}")
    typer.echo(f"winstreak: running {', '.join(chosen)} (Ctrl-C to stop)", err=True)
    try:
        asyncio.run(run_services(settings, chosen))
    except DatabaseUnavailable as err:
        raise fail(str(err)) from None
    except TokenValidationError:
        raise fail("Bad setting WINSTREAK_TELEGRAM_TOKEN: a token looks like 123456789:ABCdef…") from None
    except LoginFailure:
        raise fail("Bad setting WINSTREAK_DISCORD_TOKEN: Discord refused the token (see docs/discord.md)") from None
    except PrivilegedIntentsRequired:
        raise fail(
            "Discord: turn on the Message Content Intent of the bot in the developer portal (docs/discord.md)"
        ) from None
