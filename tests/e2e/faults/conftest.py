"""Fault tests reuse the Telegram stand-in fixtures (``standin``, ``polling``, ``webhook``) on PostgreSQL.

The app runs on the suite's PostgreSQL (a busy bot's database); test_sqlite_concurrency.py covers SQLite and
test_postgres_restart.py brings its own server, which it restarts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.telegram.conftest import app_on, polling, standin, webhook
from tests.e2e.telegram.standin import StandInBotAPI
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App

__all__ = ["polling", "standin", "webhook"]


@pytest.fixture
async def wired(
    pg_url: str, tmp_path: Path, standin: StandInBotAPI, estimator: RecordingEstimator
) -> AsyncIterator[App]:
    async with app_on(pg_url, tmp_path, standin, estimator) as app:
        yield app
