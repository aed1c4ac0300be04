"""Structured logs: JSON lines with the bound ids, secrets masked everywhere (tracebacks too), URLs shown masked."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
import structlog

from ops.logs import MASK, setup_logging
from winstreak.settings import load_settings

URL = "postgresql+asyncpg://winstreak:pa55-w0rd-xyz@db:5432/winstreak"


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)
    structlog.reset_defaults()


def test_the_database_url_is_shown_without_its_password() -> None:
    settings = load_settings(_env_file=None, database_url=URL)
    assert settings.shown_database_url == "postgresql+asyncpg://winstreak:***@db:5432/winstreak"
    assert "pa55-w0rd-xyz" in settings.secret_values()


def test_secrets_are_masked_in_messages_fields_and_tracebacks() -> None:
    out = io.StringIO()
    token, key = "123456:AAF-secret-token", "sk-live-key-999"
    setup_logging("INFO", secrets=[token, key, "pa55-w0rd-xyz"], stream=out, json=True)
    log = logging.getLogger("winstreak.test")
    with structlog.contextvars.bound_contextvars(update_id=77, user_id=5):
        log.info("calling https://api.telegram.org/bot%s/getMe", token, extra={"dsn": URL})
        try:
            raise RuntimeError(f"refused key {key}")
        except RuntimeError:
            log.exception("failed")
    text = out.getvalue()
    assert token not in text and key not in text and "pa55-w0rd-xyz" not in text
    first, second = (json.loads(line) for line in text.splitlines())
    assert first["update_id"] == 77 and first["user_id"] == 5 and MASK in first["event"] and MASK in first["dsn"]
    assert second["level"] == "error" and "RuntimeError" in second["exception"] and MASK in second["exception"]


def test_a_terminal_gets_readable_lines() -> None:
    out = io.StringIO()
    setup_logging("INFO", stream=out, json=False)
    logging.getLogger("winstreak.test").warning("hello", extra={"update_id": 3})
    line = out.getvalue()
    assert "hello" in line and "update_id=3" in line and not line.startswith("{")
