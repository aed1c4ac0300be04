"""Part of the composition root: structured logs for a command, from its settings."""

from __future__ import annotations

from ops.logs import setup_logging
from winstreak.settings import Settings


def configure_logging(settings: Settings) -> None:
    """structlog for every record, at the configured level and format, masking the settings' secrets."""
    json = {"json": True, "console": False}.get(settings.log_format)
    setup_logging(settings.log_level, secrets=settings.secret_values(), json=json)
