"""``winstreak run`` as a process: polls the stand-in on uvloop, answers, stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from typer.testing import CliRunner

from tests.e2e.telegram.conftest import TOKEN, Chat
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.cli_run import app as run_app

REPO = Path(__file__).resolve().parents[3]


def env(tmp_path: Path, api_base: str, token: str = TOKEN) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("WINSTREAK_")}
    return {
        **base,
        "WINSTREAK_DATA_DIR": str(tmp_path),
        "WINSTREAK_TELEGRAM_TOKEN": token,
        "WINSTREAK_TELEGRAM_API_BASE": api_base,
        "WINSTREAK_HTTP_PORT": "0",  # any free port: tests run side by side
        "NO_PROXY": "127.0.0.1,localhost",
    }


async def winstreak(*args: str, environment: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "winstreak",
        *args,
        env=environment,
        cwd=str(REPO),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_run_polls_answers_and_stops_on_sigterm(standin: StandInBotAPI, tmp_path: Path) -> None:
    process = await winstreak("run", environment={**env(tmp_path, standin.base), "WINSTREAK_LOG_LEVEL": "INFO"})
    try:
        await standin.wait_sent(1, methods=("getUpdates",), within=60)
        calls = await Chat(standin).say("/help")
        assert "/today" in calls[0].text
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, err.decode()
    assert (tmp_path / "winstreak.db").exists()
    assert "scheduler on uvloop;" in err.decode()  # the production loop (ops/event_loop.py)
    assert "database prepared by a child process" in err.decode()  # a new database: winstreak/prepare_database.py


def test_run_refuses_a_malformed_token_in_one_line(tmp_path: Path) -> None:
    environment = env(tmp_path, "http://127.0.0.1:9", token="not-a-token")
    result = CliRunner().invoke(run_app, [], env=environment)
    assert result.exit_code == 2
    assert "WINSTREAK_TELEGRAM_TOKEN" in result.output.splitlines()[-1]


def test_run_without_any_platform_says_what_to_set(tmp_path: Path) -> None:
    environment: dict[str, str | None] = {k: v for k, v in env(tmp_path, "").items() if k.startswith("WINSTREAK_")}
    environment["WINSTREAK_TELEGRAM_TOKEN"] = None
    environment["WINSTREAK_TELEGRAM_API_BASE"] = None
    result = CliRunner().invoke(run_app, [], env=environment)
    assert result.exit_code == 2 and "nothing to run" in result.output
