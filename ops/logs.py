"""Structured logs through structlog: JSON lines when not on a terminal, readable lines on one.

Every record (ours through ``logging`` or structlog, and the libraries') passes the same processors:
context variables bound per update (``update_id``, ``user_id``, ``platform``) are added, and every known
secret (tokens, keys, the database password) is replaced by ``***`` wherever it appears, tracebacks included.
Message contents are never logged by WinStreak's own code; the secret scrubbing is a second line of defence.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import Any, TextIO

# structlog imports rich (with pygments and attrs) when it can, for pretty console tracebacks: a tenth of a
# second of every start, for nothing here, where tracebacks are plain text (format_exc_info, plain_traceback).
# So rich looks absent while structlog loads, unless something loaded either already; rich stays importable.
_HIDE_RICH = "rich" not in sys.modules and "structlog" not in sys.modules
if _HIDE_RICH:
    sys.modules["rich"] = None  # type: ignore[assignment]  # `import rich` raises ImportError meanwhile
try:
    import structlog
    from structlog.types import EventDict, Processor, WrappedLogger
finally:
    if _HIDE_RICH:
        del sys.modules["rich"]

MASK = "***"
# Libraries whose debug lines carry SQL parameters, request bodies or message payloads: never below this level.
QUIET = {
    "aiosqlite": logging.WARNING,
    "asyncpg": logging.WARNING,
    "sqlalchemy": logging.WARNING,
    "asyncio": logging.WARNING,
    "httpcore": logging.WARNING,
    "httpx": logging.WARNING,
    "openai": logging.WARNING,
    "discord": logging.INFO,
    "PIL": logging.INFO,
    "matplotlib": logging.WARNING,
    "faster_whisper": logging.INFO,
}
MIN_SECRET = 4  # shorter values would mask ordinary words


class Redactor:
    """A processor replacing each secret, in every string value of the event, by :data:`MASK`."""

    def __init__(self, secrets: Iterable[str]) -> None:
        self.secrets = sorted({s for s in secrets if len(s) >= MIN_SECRET}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        """``text`` with every secret masked."""
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def __call__(self, _logger: WrappedLogger, _name: str, event: EventDict) -> EventDict:
        """Mask the secrets in the event's values."""
        if not self.secrets:
            return event
        for key, value in event.items():
            if isinstance(value, str):
                event[key] = self.scrub(value)
            elif not isinstance(value, (int, float, bool)) and value is not None and key != "_record":
                event[key] = self.scrub(str(value))
        return event


def _shared() -> list[Processor]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.stdlib.ExtraAdder(),
    ]


def setup_logging(
    level: str = "WARNING", *, secrets: Iterable[str] = (), stream: TextIO | None = None, json: bool | None = None
) -> None:
    """Route every log record to ``stream`` (stderr) through structlog; ``json`` defaults to "not a terminal"."""
    out = stream or sys.stderr
    as_json = (not out.isatty()) if json is None else json
    redactor = Redactor(secrets)
    renderer: Processor = (
        structlog.processors.JSONRenderer(default=str)
        if as_json
        else structlog.dev.ConsoleRenderer(colors=False, exception_formatter=structlog.dev.plain_traceback)
    )
    final: list[Processor] = [
        structlog.stdlib.ProcessorFormatter.remove_processors_meta,
        structlog.processors.format_exc_info,
        redactor,
        renderer,
    ]
    formatter = structlog.stdlib.ProcessorFormatter(foreign_pre_chain=_shared(), processors=final)
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name, floor in QUIET.items():
        logging.getLogger(name).setLevel(max(floor, root.level))
    logging.captureWarnings(True)
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_shared(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )


def bind(**values: int | str) -> None:
    """Add ids (e.g. the internal ``user_id``) to every later log line of the current update."""
    structlog.contextvars.bind_contextvars(**values)


def get_logger(name: str) -> Any:
    """A structlog logger writing through the configured handler."""
    return structlog.stdlib.get_logger(name)
