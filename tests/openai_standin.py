"""A stand-in OpenAI-compatible server on 127.0.0.1 for tests: chat completions and transcriptions.

Each test queues the answers it wants (status, body, delay, headers); every request is recorded so
tests can check what the real ``openai`` client sent. With nothing queued, it answers ``default``.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.local_http import serve_local


@dataclass
class Answer:
    """One scripted answer: ``content`` is the assistant message (chat) or the transcript (audio)."""

    content: str = ""
    status: int = 200
    delay: float = 0.0
    body: Any = None  # a raw JSON body instead of the normal envelope
    headers: dict[str, str] = field(default_factory=dict)


def chat_envelope(content: str) -> dict[str, Any]:
    """The chat-completions response body carrying ``content``."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def meal_json(*items: tuple[str, float, float, float, float, float], unparsed: tuple[str, ...] = ()) -> str:
    """A reply in the meal schema: items of (name, grams, kcal, protein, carbs, fat)."""
    keys = ("name", "grams", "kcal", "protein_g", "carbs_g", "fat_g")
    return json.dumps({"items": [dict(zip(keys, item, strict=True)) for item in items], "unparsed": list(unparsed)})


class OpenAIStandIn:
    """The server's state: queued answers and recorded requests."""

    def __init__(self) -> None:
        self.answers: deque[Answer] = deque()
        self.default = Answer(meal_json())
        self.requests: list[dict[str, Any]] = []
        self.audio_requests: list[dict[str, Any]] = []
        self.base_url = ""

    def queue(self, *answers: Answer) -> None:
        """Answers for the next requests, in order."""
        self.answers.extend(answers)

    async def _next(self) -> Answer:
        answer = self.answers.popleft() if self.answers else self.default
        if answer.delay:
            await asyncio.sleep(answer.delay)
        return answer

    async def chat(self, request: web.Request) -> web.Response:
        self.requests.append(await request.json())
        answer = await self._next()
        body = answer.body if answer.body is not None else chat_envelope(answer.content)
        if answer.status != 200 and answer.body is None:
            body = {"error": {"message": "scripted failure", "type": "server_error", "code": None}}
        return web.json_response(body, status=answer.status, headers=answer.headers)

    async def transcribe(self, request: web.Request) -> web.Response:
        form = await request.post()
        upload = form.get("file")
        audio = upload.file.read() if isinstance(upload, web.FileField) else b""
        self.audio_requests.append({"model": form.get("model"), "language": form.get("language"), "bytes": len(audio)})
        answer = await self._next()
        if answer.status != 200:
            return web.json_response({"error": {"message": "scripted failure"}}, status=answer.status)
        return web.json_response({"text": answer.content})


@asynccontextmanager
async def serve_openai() -> AsyncIterator[OpenAIStandIn]:
    """A running stand-in on 127.0.0.1 (port chosen by the system); ``base_url`` ends in ``/v1``."""
    state = OpenAIStandIn()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", state.chat)
    app.router.add_post("/v1/audio/transcriptions", state.transcribe)
    async with serve_local(app) as base_url:
        state.base_url = f"{base_url}/v1"
        yield state
