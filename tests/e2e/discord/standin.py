"""A stand-in Discord: gateway WebSocket (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, dispatch) and REST.

REST answers what discord.py asks (``/users/@me``, application info, command sync, messages as JSON or
multipart, typing, DM channels, interaction callbacks and follow-ups, attachment downloads) and records every
call. ``fail`` makes the next matching calls fail (429 with ``Via`` like Discord's edge, so discord.py treats
it as a rate limit).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

from tests.e2e.discord.payloads import APP_ID, BOT, Fail, app_info, guild_create, message_object

MESSAGE_PATHS = re.compile(r"^/api/v10/(channels/\d+/messages|webhooks/\d+/[^/]+)$")


@dataclass
class Call:
    """One REST request: method, path, JSON payload, uploaded files, and what the stand-in answered."""

    method: str
    path: str
    payload: Any  # a JSON object, or a list for the command sync
    files: dict[str, bytes] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return str(self.payload.get("content") or "")

    @property
    def buttons(self) -> list[tuple[str, str]]:
        rows = self.payload.get("components") or []
        return [(c["label"], c["custom_id"]) for row in rows for c in row.get("components", [])]


class StandInDiscord:
    """Start with ``await StandInDiscord().start()``; ``base`` is the REST root, ``gateway`` the WebSocket URL."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.guilds: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.failures: list[Fail] = []
        self.ids = itertools.count(900_000_000_000_000_000)
        self.sockets: list[web.WebSocketResponse] = []
        self.seq = 0
        self._changed = asyncio.Condition()
        self.identified = asyncio.Event()  # READY (and every GUILD_CREATE) sent
        self.refuse_identify: int | None = None  # a close code instead of READY, e.g. 4014 (disallowed intents)
        self._runner: web.AppRunner | None = None
        self.base = self.gateway = ""

    async def start(self, port: int = 0) -> StandInDiscord:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)  # port 0: a free one
        await site.start()
        port = self._runner.addresses[0][1]
        self.base, self.gateway = f"http://127.0.0.1:{port}", f"ws://127.0.0.1:{port}/gateway"
        return self

    async def stop(self) -> None:
        for ws in self.sockets:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def snowflake(self) -> int:
        return next(self.ids)

    def add_file(self, name: str, data: bytes, content_type: str) -> dict[str, Any]:
        """An attachment object whose URL serves ``data``."""
        self.files[name] = data
        url = f"{self.base}/attachments/{name}"
        return {
            "id": str(self.snowflake()),
            "filename": name,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
        }

    def fail(
        self, pattern: str, status: int, body: dict[str, Any], times: int = 1, headers: dict[str, str] | None = None
    ) -> None:
        """The next ``times`` requests whose path matches ``pattern`` get this error."""
        self.failures.append(Fail(re.compile(pattern), status, body, times, headers or {}))

    # gateway

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send an event to the connected client."""
        self.seq += 1
        await self.sockets[-1].send_str(json.dumps({"op": 0, "t": event, "s": self.seq, "d": data}))

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for frame in ws:
            message = json.loads(frame.data)
            if message["op"] == 1:
                await ws.send_str(json.dumps({"op": 11}))
            elif message["op"] == 2 and self.refuse_identify is not None:
                await ws.close(code=self.refuse_identify, message=b"refused")
            elif message["op"] == 2:
                unavailable = [{"id": g["id"], "unavailable": True} for g in self.guilds]
                ready = {
                    "v": 10,
                    "user": BOT,
                    "guilds": unavailable,
                    "session_id": "standin-session",
                    "resume_gateway_url": self.gateway,
                    "application": {"id": APP_ID, "flags": 0},
                }
                await self.dispatch("READY", ready)
                for guild in self.guilds:
                    await self.dispatch("GUILD_CREATE", guild_create(guild))
                self.identified.set()
        return ws

    # REST

    async def _attachment(self, request: web.Request) -> web.Response:
        self.calls.append(Call("GET", request.path, {}))
        return web.Response(body=self.files[request.match_info["name"]], content_type="application/octet-stream")

    async def _read(self, request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
        if not request.can_read_body:
            return {}, {}
        if request.content_type.startswith("multipart/"):
            payload: dict[str, Any] = {}
            files: dict[str, bytes] = {}
            reader = await request.multipart()
            async for part in reader:
                assert isinstance(part, BodyPartReader)
                data = await part.read()
                if part.name == "payload_json":
                    payload = json.loads(data)
                else:
                    files[part.filename or str(part.name)] = bytes(data)
            return payload, files
        return await request.json(), {}

    async def _rest(self, request: web.Request) -> web.Response:
        payload, files = await self._read(request)
        call = Call(request.method, request.path, payload, files)
        for failure in self.failures:
            if failure.times > 0 and failure.pattern.search(request.path):
                failure.times -= 1
                self.calls.append(call)
                return json_response(failure.body, failure.status, failure.headers)
        call.result = self._answer(request, call)
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        return json_response(call.result) if call.result else web.Response(status=204)

    def _answer(self, request: web.Request, call: Call) -> Any:
        tail, method = request.match_info["tail"], request.method
        if tail == "users/@me" and method == "GET":
            return BOT
        if tail == "oauth2/applications/@me":
            return app_info()
        if re.fullmatch(r"applications/\d+/commands", tail):
            return [{**c, "id": str(self.snowflake()), "application_id": APP_ID, "version": "1"} for c in call.payload]
        if tail == "users/@me/channels":
            return {
                "id": str(self.snowflake()),
                "type": 1,
                "recipients": [
                    {
                        "id": str(call.payload["recipient_id"]),
                        "username": "someone",
                        "discriminator": "0",
                        "avatar": None,
                    }
                ],
            }
        if m := re.fullmatch(r"channels/(\d+)/messages", tail):
            return message_object(self.snowflake(), m.group(1), call.payload, call.files, self.base)
        if m := re.fullmatch(r"webhooks/\d+/([^/]+)", tail):
            return message_object(self.snowflake(), "0", call.payload, call.files, self.base)
        if m := re.fullmatch(r"interactions/(\d+)/[^/]+/callback", tail):
            response_type = call.payload.get("type")
            resource: dict[str, Any] = {"type": response_type}
            if response_type in (4, 7):
                resource["message"] = message_object(self.snowflake(), "0", call.payload.get("data", {}), {}, "")
            interaction = {"id": m.group(1), "type": 2, "response_message_loading": response_type == 5}
            return {"interaction": interaction, "resource": resource}
        return {}

    # what the tests look at

    def sent(self) -> list[Call]:
        """Messages sent (to channels, or as interaction follow-ups), in order."""
        return [c for c in self.calls if c.method == "POST" and c.result and MESSAGE_PATHS.match(c.path)]

    def requests(self, pattern: str) -> list[Call]:
        """Every recorded call whose ``METHOD path`` matches ``pattern``."""
        return [c for c in self.calls if re.search(pattern, f"{c.method} {c.path}")]

    async def wait_sent(self, count: int, within: float = 20) -> list[Call]:
        async def enough() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.sent()) >= count)

        await asyncio.wait_for(enough(), within)
        return self.sent()


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON with Content-Type exactly ``application/json`` (discord.py compares the header verbatim)."""
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(body).encode(), status=status, headers=all_headers)
