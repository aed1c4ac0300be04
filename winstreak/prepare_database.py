"""A database brought up to date by a short-lived child process before a long-running one wires itself.

The first start on a new database (or the first after an upgrade) runs the Alembic migrations and seeds the
built-in foods. Done inside the bot, that imports Alembic, Mako with Pygments' lexers and the food loader:
about 15 MB that stay for the life of the process (docs/load.md, "A fresh database's first start").
``winstreak run`` and ``winstreak scheduler`` therefore check first — the ``alembic_version`` rows against
the known heads and the built-in foods' source digest, two reads — and when something is to do run
``winstreak db upgrade`` as a child process, which exits when done and gives its memory back.

The child is an optimisation, never a condition: if it fails, or the database cannot be reached for the
check, the start goes on, and :func:`winstreak.bootstrap.build_app` migrates in-process or fails with the
clear message it always gave. An in-memory SQLite database is not shared with a child: it is left alone.
"""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys

from winstreak.settings import Settings

log = logging.getLogger(__name__)
CHILD_TIMEOUT_S = 600.0  # migrations of a large database may be slow; the in-process path follows a time-out


def in_memory(url: str) -> bool:
    """True for an SQLite database that lives in one connection's memory (nothing a child could share)."""
    if not url.startswith("sqlite"):
        return False
    path = url.split("://", 1)[-1].lstrip("/")
    return path in ("", ":memory:") or "mode=memory" in url


async def needs_preparation(url: str) -> bool:
    """True when the database is reachable and its schema or built-in foods are not current."""
    from storage.engine import make_engine
    from storage.food.seed import builtin_foods_current
    from storage.migrate import at_head

    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        return not (await at_head(engine) and await builtin_foods_current(engine))
    except Exception:  # cannot be reached: build_app says so, in the words it always used
        return False
    finally:
        await engine.dispose()


UPGRADE = ("-m", "winstreak", "db", "upgrade")


def prepare_in_child(settings: Settings, command: tuple[str, ...] = UPGRADE) -> bool:
    """Migrate and seed in ``winstreak db upgrade`` when needed; True when a child did it and succeeded.

    ``command`` is the child's arguments after the interpreter (tests give one that fails).
    """
    url = settings.resolved_database_url
    if in_memory(url) or not asyncio.run(needs_preparation(url)):
        return False
    env = {**os.environ, "WINSTREAK_DATABASE_URL": url, "WINSTREAK_DATA_DIR": str(settings.data_dir)}
    try:
        # Its log lines (standard error) go where this process logs: an operator sees what the migration said.
        done = subprocess.run(
            [sys.executable, *command], env=env, stdout=subprocess.DEVNULL, timeout=CHILD_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        log.warning(
            "database preparation in a child process failed (%s); migrating in this process", type(err).__name__
        )
        return False
    if done.returncode != 0:
        log.warning("database preparation in a child process exited %s; migrating in this process", done.returncode)
        return False
    log.info("database prepared by a child process (migrations, built-in foods)")
    return True
