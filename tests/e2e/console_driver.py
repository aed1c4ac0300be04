"""Drives the terminal chat in e2e tests: the real conversation on a real SQLite file, one message a line."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from bots.console.chat import run_console
from bots.console.news import console_news
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import build_app
from winstreak.settings import Settings


async def chat(lines: list[str], tmp_path: Path, clock: FixedClock | None = None) -> str:
    """What the terminal prints for ``lines`` sent by "ana" (no game news), on the data directory ``tmp_path``."""
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    app = await build_app(settings, clock=clock)
    out = io.StringIO()
    try:
        await run_console(
            app.conversation,
            "ana",
            io.StringIO("\n".join(lines) + "\n"),
            out,
            interactive=False,
            image_dir=tmp_path / "pictures",
        )
    finally:
        await app.close()
    return out.getvalue()


async def chat_with_news(script: Iterable[str | datetime], tmp_path: Path, clock: FixedClock) -> str:
    """What the terminal prints, with the game's news as ``winstreak chat`` shows it, for the lines of ``script``.

    A datetime in ``script`` is not sent: time passes there (``clock`` is set to it before the next line is read),
    e.g. the night in which a day closes.
    """
    app = await build_app(Settings(data_dir=tmp_path, _env_file=None), clock=clock)  # type: ignore[call-arg]
    steps = iter(script)

    def read() -> str:
        for step in steps:
            if isinstance(step, datetime):
                clock.current = step
            else:
                return step + "\n"
        return ""  # the end of input

    out = io.StringIO()
    try:
        assert app.deps.game_uow is not None
        news = console_news(app.deps, app.deps.game_uow, "ana")
        await run_console(
            app.conversation, "ana", io.StringIO(), out, interactive=False, image_dir=tmp_path, read=read, news=news
        )
    finally:
        await app.close()
    return out.getvalue()
