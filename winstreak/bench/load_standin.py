"""A minimal stand-in Telegram Bot API for the load benchmark (aiohttp on 127.0.0.1, a free port).

It answers the methods a webhook bot calls, remembers each chat's latest message with buttons, serves the
files people send (``getFile``, then ``/file/bot<token>/<path>``: voice notes and photos), and delivers
updates to the webhook the bot registered (with its secret). A method the bot returns in the webhook's HTTP
response (as ``answerCallbackQuery`` is) is run as Telegram runs it, counted with the calls and apart in
``in_response``. It keeps counts, not every call, so a long run stays small in memory. The end-to-end tests
have a richer one (tests/e2e/telegram/standin.py).
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

from winstreak.bench.webhook_reply import read_webhook_reply

BOT = {"id": 424242, "is_bot": True, "first_name": "WinStreak", "username": "winstreak_load_bot"}


class LoadStandIn:
    """The server; ``base`` is the API base URL given to the bot (``WINSTREAK_TELEGRAM_API_BASE``)."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.base = ""
        self.webhook: dict[str, str] | None = None
        self.methods: Counter[str] = Counter()  # every method run: by request and from webhook responses
        self.in_response: Counter[str] = Counter()  # those that came in a webhook response
        self.buttons: dict[int, dict[str, Any]] = {}  # chat id -> the latest message carrying a Save button
        self.edited: set[tuple[int, int]] = set()  # (chat id, message id) whose text the bot changed
        self.last_edit: dict[int, dict[str, Any]] = {}  # chat id -> the message the bot last edited, as it is now
        self.files: dict[str, bytes] = {}  # file id -> bytes, served by getFile and the file URL
        self.owners: dict[str, int] = {}  # file id -> the person who sent it (their own copy of the note or photo)
        # chat id -> when (perf_counter) the bot first asked for the chat's file and first sent it an estimate with
        # Save, since the person began watching (an empty dict); see winstreak.bench.load_phases
        self.marks: dict[int, dict[str, float]] = {}
        self._ids = itertools.count(1)
        # update ids differ from run to run: the bot drops an update id it has handled before (de-duplication), so
        # ids restarting at 1 on a reused database would be answered without being handled
        self._updates = itertools.count(int(time.time() * 1000) % 10**12 * 100)
        self._runner: web.AppRunner | None = None
        self._client: ClientSession | None = None

    async def start(self) -> LoadStandIn:
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server: Any = site._server  # aiohttp exposes the bound port only here
        self.base = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        self._client = ClientSession(timeout=ClientTimeout(total=60))
        return self

    async def stop(self) -> None:
        if self._client is not None:
            await self._client.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # ---- updates ---------------------------------------------------------------------------------------
    def text_update(self, user_id: int, text: str) -> dict[str, Any]:
        chat = {"id": user_id, "type": "private"}
        user = {"id": user_id, "is_bot": False, "first_name": "Load", "language_code": "en"}
        message = {"message_id": next(self._ids), "date": int(time.time()), "chat": chat, "from": user, "text": text}
        return {"update_id": next(self._updates), "message": message}

    def add_file(self, file_id: str, data: bytes, owner: int | None = None) -> dict[str, Any]:
        """Keep a file to serve (sent by ``owner``); returns its Bot API description (id, unique id, size)."""
        self.files[file_id] = data
        if owner is not None:
            self.owners[file_id] = owner
        return {"file_id": file_id, "file_unique_id": f"u-{file_id}", "file_size": len(data)}

    def media_update(self, user_id: int, **content: Any) -> dict[str, Any]:
        """A message with ``voice=...`` or ``photo=[...]`` (and ``caption``) instead of a text."""
        update = self.text_update(user_id, "")
        del update["message"]["text"]
        update["message"].update(content)
        return update

    def press_update(self, user_id: int, message: dict[str, Any], data: str) -> dict[str, Any]:
        """A press of a button of ``message``; the query carries the message as it is now, as Telegram's does."""
        edited = self.last_edit.get(user_id)
        if edited is not None and edited["message_id"] == message["message_id"]:
            message = edited  # e.g. a second device pressing Save again: the keys are gone by now
        user = {"id": user_id, "is_bot": False, "first_name": "Load", "language_code": "en"}
        query = {"id": f"q{next(self._ids)}", "from": user, "chat_instance": "ci", "message": message, "data": data}
        return {"update_id": next(self._updates), "callback_query": query}

    async def deliver(self, update: dict[str, Any]) -> int:
        """POST one update to the webhook; returns the HTTP status (the bot answers after processing)."""
        if self.webhook is None or self._client is None:
            raise RuntimeError("no webhook registered")
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook["secret"]}
        async with self._client.post(self.webhook["url"], json=update, headers=headers) as response:
            reply = await read_webhook_reply(response) if response.status == 200 else None
            if reply is not None:  # Telegram runs it and tells the bot nothing
                self.methods[reply.method] += 1
                self.in_response[reply.method] += 1
                self._answer(reply.method, reply.params)
            return response.status

    # ---- the API -------------------------------------------------------------------------------------
    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        if request.content_type == "application/json":
            params = dict(await request.json())
        elif request.can_read_body:
            form = await request.post()
            params = {k: v for k, v in form.items() if isinstance(v, str)}
        self.methods[method] += 1
        return web.json_response({"ok": True, "result": self._answer(method, params)})

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        data = self.files.get(request.match_info["path"].removeprefix("media/"))
        self.methods["file download"] += 1
        return web.Response(status=404) if data is None else web.Response(body=data)

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT
        if method == "getFile":
            file_id = str(params["file_id"])
            self._mark(self.owners.get(file_id), "file")
            size = len(self.files.get(file_id, b""))
            return {
                "file_id": file_id,
                "file_unique_id": f"u-{file_id}",
                "file_size": size,
                "file_path": f"media/{file_id}",
            }
        if method == "setWebhook":
            self.webhook = {"url": str(params["url"]), "secret": str(params.get("secret_token", ""))}
            return True
        if method in ("sendMessage", "sendPhoto", "sendDocument", "editMessageText", "editMessageReplyMarkup"):
            return self._message(method, params)
        return True  # answerCallbackQuery, sendChatAction, setMyCommands, deleteWebhook, ...

    def _mark(self, chat_id: int | None, what: str) -> None:
        watched = self.marks.get(chat_id) if chat_id is not None else None
        if watched is not None:
            watched.setdefault(what, time.perf_counter())

    def _message(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        is_new = method.startswith("send")
        message_id = next(self._ids) if is_new else int(params["message_id"])
        if method == "editMessageText":
            self.edited.add((chat_id, message_id))  # a Save confirmed ("✔ Save"); a stale press only drops keys
        message: dict[str, Any] = {"message_id": message_id, "date": int(time.time()), "from": BOT}
        message["chat"] = {"id": chat_id, "type": "private" if chat_id > 0 else "group"}
        message["text"] = str(params.get("text") or params.get("caption") or "")
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if markup:
            message["reply_markup"] = markup
        if not is_new:
            self.last_edit[chat_id] = message
        if markup and button(message, "Save") is not None:
            self._mark(chat_id, "estimate")
            self.buttons[chat_id] = message  # an estimate; other keyboards (hints, nudges) sent after it do not hide it
        elif not is_new and self.buttons.get(chat_id, {}).get("message_id") == message_id:
            del self.buttons[chat_id]  # the Save button was taken off
        return message


def button(message: dict[str, Any], label: str) -> str | None:
    """The callback data of the button with this label, if the message has one."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return next((b.get("callback_data") for row in rows for b in row if b.get("text") == label), None)


def calls_per_update(
    before: tuple[Counter[str], Counter[str]], after: tuple[Counter[str], Counter[str]], updates: int
) -> dict[str, Any]:
    """The Bot API methods the bot ran between two snapshots of (``methods``, ``in_response``), per update.

    ``bot_api_requests_per_update`` counts the HTTP requests the bot made (each costs it CPU), and
    ``bot_api_calls_per_update`` adds the methods it returned in webhook responses; file downloads are not
    methods and are left out.
    """
    ran = after[0] - before[0]
    replied = after[1] - before[1]
    del ran["file download"]
    calls = sum(ran.values())
    per = (lambda n: round(n / updates, 3)) if updates else (lambda n: None)
    return {
        "bot_api_calls_per_update": per(calls),
        "bot_api_requests_per_update": per(calls - sum(replied.values())),
        "bot_api_calls_by_method": dict(sorted(ran.items())),
        "bot_api_in_response_by_method": dict(sorted(replied.items())),
    }
