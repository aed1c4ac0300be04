"""A stand-in Telegram Bot API server (aiohttp, 127.0.0.1, port 0) for end-to-end tests of the real aiogram client.

It queues updates for getUpdates long polling or POSTs them to a webhook (retrying on non-2xx), answers the
methods the bot uses, serves files, records every call, and can be told to fail a method (429, 403). A method
the bot returns in a webhook response is run as Telegram runs it and recorded like a call (``in_response``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientSession, web

from tests.e2e.telegram.standin_methods import BotAPIMethods
from winstreak.bench.webhook_reply import read_webhook_reply

MESSAGE_METHODS = ("sendMessage", "sendPhoto", "sendDocument")


@dataclass
class Call:
    """One API call the bot made."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes]
    at: float
    result: Any = None
    in_response: bool = False  # returned in a webhook response, not requested

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[tuple[str, str]]:
        markup = self.params.get("reply_markup") or {}
        return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


@dataclass
class Failure:
    """An error to return for the next calls of a method."""

    status: int
    description: str
    times: int
    retry_after: int | None = None


@dataclass
class StandInBotAPI(BotAPIMethods):
    """The server; ``base`` is what ``TelegramAPIServer.from_base`` gets."""

    token: str
    calls: list[Call] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    admins: set[tuple[int, int]] = field(default_factory=set)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    deliveries: dict[int, list[int]] = field(default_factory=dict)
    webhook: dict[str, Any] | None = None
    base: str = ""

    def __post_init__(self) -> None:
        self._pending: list[dict[str, Any]] = []
        self._new = asyncio.Condition()
        self._ids = itertools.count(1000)
        self._message_ids = itertools.count(1)
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._stopping = False
        self._runner: web.AppRunner | None = None
        self._client: ClientSession | None = None

    # ---- lifecycle -------------------------------------------------------------------------------------
    async def start(self, port: int = 0) -> StandInBotAPI:
        app = web.Application(client_max_size=30 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)  # port 0: a free one
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base = f"http://127.0.0.1:{port}"
        self._client = ClientSession()
        return self

    async def stop(self) -> None:
        self._stopping = True
        async with self._new:
            self._new.notify_all()  # release pending long polls
        if self._client is not None:
            await self._client.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # ---- what users do ---------------------------------------------------------------------------------
    def chat(self, chat_id: int, kind: str = "private", title: str = "") -> dict[str, Any]:
        chat = {"id": chat_id, "type": kind}
        if title:
            chat["title"] = title
        self._chats[chat_id] = chat
        return chat

    @staticmethod
    def user(user_id: int, name: str = "Ada", language: str = "en") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": name, "language_code": language}

    def message(self, chat: dict[str, Any], user: dict[str, Any], **content: Any) -> dict[str, Any]:
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat, "from": user}
        message.update(content)
        return message

    def add_file(self, file_id: str, data: bytes) -> dict[str, Any]:
        self.files[file_id] = data
        return {"file_id": file_id, "file_unique_id": f"u-{file_id}", "file_size": len(data)}

    def update(self, **payload: Any) -> dict[str, Any]:
        return {"update_id": next(self._ids), **payload}

    async def push(self, update: dict[str, Any]) -> None:
        """Queue an update for getUpdates, or deliver it to the webhook when one is set."""
        if self.webhook is not None:
            await self.deliver(update)
            return
        async with self._new:
            self._pending.append(update)
            self._new.notify_all()

    async def deliver(self, update: dict[str, Any], attempts: int = 5) -> list[int]:
        """POST to the webhook until a 2xx (like Telegram, which redelivers on failure); returns the statuses."""
        assert self.webhook is not None and self._client is not None
        statuses = self.deliveries.setdefault(update["update_id"], [])
        for _ in range(attempts):
            headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook.get("secret_token", "")}
            async with self._client.post(self.webhook["url"], json=update, headers=headers) as response:
                statuses.append(response.status)
                if 200 <= response.status < 300:
                    reply = await read_webhook_reply(response)
                    if reply is not None:  # Telegram runs it; its result or error reaches nobody
                        await self._run(reply.method, *self._decoded(dict(reply.params), reply.files), in_response=True)
                    break
            await asyncio.sleep(0.05)
        return statuses

    def fail(self, method: str, status: int, description: str, times: int = 1, retry_after: int | None = None) -> None:
        self.failures.setdefault(method, []).append(Failure(status, description, times, retry_after))

    # ---- what tests read -------------------------------------------------------------------------------
    def sent(self, methods: tuple[str, ...] = MESSAGE_METHODS) -> list[Call]:
        return [c for c in self.calls if c.method in methods]

    async def wait_sent(self, count: int, methods: tuple[str, ...] = MESSAGE_METHODS, within: float = 15) -> list[Call]:
        """Wait until at least ``count`` matching calls were made; returns all of them."""
        deadline = time.monotonic() + within
        while len(self.sent(methods)) < count:
            if time.monotonic() > deadline:
                shown = [(c.method, c.text[:60]) for c in self.calls]
                raise AssertionError(f"expected {count} {methods} calls, got: {shown}")
            await asyncio.sleep(0.02)
        return self.sent(methods)

    # ---- the API -------------------------------------------------------------------------------------
    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
        params: dict[str, Any] = {}
        files: dict[str, bytes] = {}
        if request.content_type == "application/json":
            return dict(await request.json()), files
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files[key] = value.file.read()
            else:
                params[key] = value
        return self._decoded(params, files)

    @staticmethod
    def _decoded(params: dict[str, Any], files: dict[str, bytes]) -> tuple[dict[str, Any], dict[str, bytes]]:
        """Form values as the bot meant them: files in place of ``attach://`` and JSON texts parsed."""
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                params[key] = files[value.removeprefix("attach://")]
            elif isinstance(value, str) and value[:1] in "{[":
                params[key] = json.loads(value)
        return params, files

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error(401, "Unauthorized")
        params, files = await self._params(request)
        return await self._run(request.match_info["method"], params, files)

    async def _run(
        self, method: str, params: dict[str, Any], files: dict[str, bytes], in_response: bool = False
    ) -> web.Response:
        """Record and answer one call (made by request, or returned in a webhook response)."""
        call = Call(method, params, files, time.monotonic(), in_response=in_response)
        self.calls.append(call)
        queued = self.failures.get(method)
        if queued:
            failure = queued[0]
            failure.times -= 1
            if failure.times <= 0:
                queued.pop(0)
            extra = {"retry_after": failure.retry_after} if failure.retry_after is not None else None
            return self._error(failure.status, failure.description, extra)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return self._error(404, f"Not Found: method {method} is not in the stand-in")
        result = await handler(params)
        call.result = result
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _error(status: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        return web.json_response(body, status=status)

    async def _file(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        if request.match_info["token"] != self.token or file_id not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[file_id])
