"""ops.logs loads structlog without rich (a tenth of a second of every start); tracebacks stay in the logs."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

from ops.logs import setup_logging
from tests.unit.test_ops_logs import restore_logging  # noqa: F401  (autouse: the root logger is put back)

REPO = Path(__file__).resolve().parents[2]


def test_structlog_is_loaded_without_rich_and_rich_stays_importable() -> None:
    program = (
        "import sys\n"
        "import ops.logs\n"
        "print(sorted(m for m in ('rich', 'pygments', 'structlog') if m in sys.modules))\n"
        "import rich.console\n"
        "print(rich.console.Console is not None)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["['structlog']", "True"]


def test_console_lines_carry_the_plain_traceback_with_secrets_masked() -> None:
    out = io.StringIO()
    setup_logging("INFO", secrets=["sekret-token-42"], stream=out, json=False)
    try:
        raise ValueError("bad value near sekret-token-42")
    except ValueError:
        logging.getLogger("winstreak.test").exception("it failed", extra={"error_id": "abc123"})
    text = out.getvalue()
    assert "it failed" in text and "error_id=abc123" in text
    assert "Traceback (most recent call last)" in text and "ValueError: bad value near ***" in text
    assert "sekret-token-42" not in text
