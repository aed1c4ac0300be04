"""Fixtures: the stand-in Bot API server, a wired WinStreak on SQLite, and the real aiogram bot polling it."""

from __future__ import annotations

import asyncio
import dataclasses
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bots.common.conversation import Conversation
from bots.telegram.limits import Limits
from bots.telegram.runners import run_polling, serve_webhook, webhook_app
from core.ports import Clock, MealEstimator
from tests.e2e.telegram.standin import Call, StandInBotAPI
from tests.fakes.food_catalog import SAMPLE_FOODS, FakeFoodCatalog
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App, build_app
from winstreak.settings import Settings
from winstreak.telegram_app import chat_commands, telegram_bot, telegram_dispatcher

TOKEN = "123456:TEST-standin-secret"
WEBHOOK_SECRET = "s3cret_webhook-token"
FAST = Limits(overall_per_second=200, per_chat_per_second=100, chat_burst=50, per_group_per_minute=6000)


def settings_for(url: str, tmp_path: Path, api_base: str, **extra: Any) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=tmp_path,
        database_url=url,
        telegram_token=SecretStr(TOKEN),
        telegram_api_base=api_base,
        **extra,
    )


@pytest.fixture
async def standin() -> AsyncIterator[StandInBotAPI]:
    api = await StandInBotAPI(TOKEN).start()
    try:
        yield api
    finally:
        await api.stop()


@asynccontextmanager
async def app_on(
    url: str,
    tmp_path: Path,
    standin: StandInBotAPI,
    estimator: MealEstimator | None = None,
    clock: Clock | None = None,
    *,
    migrate: bool = False,
) -> AsyncIterator[App]:
    """The wired app on the database ``url`` (already migrated), talking to ``standin``; closed after.

    Without an ``estimator`` or a ``clock``, the app's own; ``migrate`` also builds the food catalogue.
    """
    settings = settings_for(url, tmp_path, standin.base)
    app = await build_app(settings, estimator=estimator, clock=clock, migrate=migrate)
    try:
        yield app
    finally:
        await app.close()


@pytest.fixture
async def wired(
    sqlite_url: str, tmp_path: Path, standin: StandInBotAPI, estimator: RecordingEstimator, clock: Clock | None
) -> AsyncIterator[App]:
    async with app_on(sqlite_url, tmp_path, standin, estimator, clock) as app:
        yield app


class Chat:
    """One person talking to the polling bot through the stand-in."""

    def __init__(
        self,
        api: StandInBotAPI,
        chat_id: int = 5001,
        user_id: int = 5001,
        kind: str = "private",
        name: str = "Ada",
        language: str = "en",
        title: str = "",
    ) -> None:
        self.api = api
        self.chat = api.chat(chat_id, kind, title)
        self.user = api.user(user_id, name, language)

    async def _exchange(self, update: dict[str, Any], expect: int) -> list[Call]:
        before = len(self.api.sent())
        await self.api.push(update)
        return (await self.api.wait_sent(before + expect))[before:]

    async def say(self, text: str, expect: int = 1) -> list[Call]:
        return await self._exchange(self.api.update(message=self.api.message(self.chat, self.user, text=text)), expect)

    async def send(self, expect: int = 1, **content: Any) -> list[Call]:
        return await self._exchange(self.api.update(message=self.api.message(self.chat, self.user, **content)), expect)

    async def press(self, call: Call, label: str, expect: int = 1) -> list[Call]:
        value = dict(call.buttons)[label]
        message = self.api.bot_message(self.chat["id"], call.result["message_id"])
        query = {
            "id": f"q{len(self.api.calls)}",
            "from": self.user,
            "chat_instance": "ci",
            "message": message,
            "data": value,
        }
        return await self._exchange(self.api.update(callback_query=query), expect)


@pytest.fixture
async def polling(wired: App, standin: StandInBotAPI) -> AsyncIterator[StandInBotAPI]:
    """The real bot long-polling the stand-in until the test ends."""
    bot = telegram_bot(wired, limits=FAST)
    dispatcher = telegram_dispatcher(wired)
    task = asyncio.create_task(run_polling(bot, dispatcher))
    await standin.wait_sent(1, methods=("getUpdates",))
    try:
        yield standin
    finally:
        await dispatcher.stop_polling()
        await asyncio.wait_for(task, 10)


@asynccontextmanager
async def polling_with(app: App, standin: StandInBotAPI, **deps: Any) -> AsyncIterator[StandInBotAPI]:
    """The real bot polling the stand-in; its conversation has ``app``'s deps with ``deps`` (catalog…) replaced."""
    conversation = Conversation(
        dataclasses.replace(app.deps, **deps), {**chat_commands(app), **app.conversation.commands}
    )
    bot, dispatcher = telegram_bot(app, limits=FAST), telegram_dispatcher(app, conversation)
    task = asyncio.create_task(run_polling(bot, dispatcher))
    try:
        yield standin
    finally:
        await dispatcher.stop_polling()
        await task


@pytest.fixture
async def with_catalog(wired: App, standin: StandInBotAPI) -> AsyncIterator[StandInBotAPI]:
    """The real bot polling the stand-in, with the sample foods as its catalogue."""
    async with polling_with(wired, standin, catalog=FakeFoodCatalog(SAMPLE_FOODS)) as api:
        yield api


@pytest.fixture
async def webhook(wired: App, standin: StandInBotAPI) -> AsyncIterator[StandInBotAPI]:
    """The real bot serving a webhook on 127.0.0.1; startup registers it with the stand-in (setWebhook)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/telegram/hook"
    bot = telegram_bot(wired, limits=FAST)
    app = webhook_app(bot, telegram_dispatcher(wired), url=url, secret=WEBHOOK_SECRET)
    stop = asyncio.Event()
    task = asyncio.create_task(serve_webhook(app, sock=sock, stop=stop))
    await standin.wait_sent(1, methods=("setWebhook",))
    try:
        yield standin
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
