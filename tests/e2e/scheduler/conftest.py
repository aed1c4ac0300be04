"""Fixtures of the scheduler tests: the stand-in Telegram Bot API the worker processes send to."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.e2e.scheduler.worker import TOKEN
from tests.e2e.telegram.standin import StandInBotAPI


@pytest.fixture
async def standin() -> AsyncIterator[StandInBotAPI]:
    api = await StandInBotAPI(TOKEN).start()
    try:
        yield api
    finally:
        await api.stop()
