"""Any OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp server) through the official ``openai`` client.

Text and photos go to chat completions with a JSON-schema response; voice may go to the transcription
endpoint. Timeouts and retries with exponential backoff (429, 5xx, connection errors) are the client's
own (``timeout``, ``max_retries``). Every failure surfaces as :class:`AiUnavailable`; answers are cached
by a hash of the input so the same input gives the same estimate.
"""

from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ai import prompts
from ai.ai_reply import AiReply, BadReply, parse_reply
from ops.metrics import AI_CALLS

if TYPE_CHECKING:
    from openai import AsyncOpenAI

MAX_TEXT = 2000
CACHE_SIZE = 256


class AiUnavailable(Exception):
    """The provider failed (network, timeout, HTTP error, unusable answer); the message says how."""


@dataclass(frozen=True, slots=True)
class AiConfig:
    """Where the provider is and how patient to be with it."""

    base_url: str
    api_key: str
    model: str
    vision_model: str = ""
    transcription_model: str = ""
    timeout_seconds: float = 30.0
    max_retries: int = 2


class OpenAICompatClient:
    """Meal estimates and transcripts from an OpenAI-compatible provider."""

    def __init__(self, config: AiConfig) -> None:
        self.config = config
        from openai import AsyncOpenAI  # imported with the first client: the package takes seconds to load

        self._client: AsyncOpenAI = AsyncOpenAI(
            base_url=config.base_url,
            api_key=config.api_key or "not-needed",
            timeout=config.timeout_seconds,
            max_retries=config.max_retries,
        )
        self._cache: OrderedDict[str, AiReply] = OrderedDict()

    async def close(self) -> None:
        """Close the HTTP connections."""
        await self._client.close()

    async def estimate_text(self, text: str, language: str) -> AiReply:
        """Items the model finds in a meal description."""
        content = text.strip()[:MAX_TEXT]
        key = "t:" + hashlib.sha256(f"{language}\0{' '.join(content.lower().split())}".encode()).hexdigest()
        return await self._cached(key, self.config.model, language, content)

    async def estimate_photo(self, jpeg: bytes, caption: str, language: str) -> AiReply:
        """Items the vision model sees in a photo (sent as a data URL), helped by the caption."""
        key = "p:" + hashlib.sha256(jpeg + f"\0{language}\0{caption.strip()}".encode()).hexdigest()
        url = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
        content: list[dict[str, Any]] = [
            {"type": "text", "text": prompts.photo_prompt(caption)},
            {"type": "image_url", "image_url": {"url": url}},
        ]
        return await self._cached(key, self.config.vision_model or self.config.model, language, content)

    async def _cached(self, key: str, model: str, language: str, content: str | list[dict[str, Any]]) -> AiReply:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        reply = await self._ask(model, language, content)
        self._cache[key] = reply
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return reply

    async def _ask(self, model: str, language: str, content: str | list[dict[str, Any]]) -> AiReply:
        from openai import OpenAIError

        messages: Any = [
            {"role": "system", "content": prompts.system_prompt(language)},
            {"role": "user", "content": content},
        ]
        schema: Any = prompts.response_format()
        try:
            completion = await self._client.chat.completions.create(
                model=model,
                messages=messages,
                response_format=schema,
                temperature=0,
            )
        except OpenAIError as err:
            AI_CALLS.labels("estimate", "failed").inc()
            raise AiUnavailable(f"{type(err).__name__}: {err}") from err
        try:
            if not completion.choices:
                raise BadReply("the reply has no choices")
            reply = parse_reply(completion.choices[0].message.content)
        except BadReply as err:
            AI_CALLS.labels("estimate", "unusable").inc()
            raise AiUnavailable(f"unusable reply: {err}") from err
        AI_CALLS.labels("estimate", "ok").inc()
        return reply

    async def transcribe(self, audio: bytes, language: str, filename: str = "voice.ogg") -> str:
        """The provider's transcript of a voice note."""
        from openai import OpenAIError

        try:
            result = await self._client.audio.transcriptions.create(
                model=self.config.transcription_model,
                file=(filename, audio),
                language=language.split("-")[0].lower() or "en",
            )
        except OpenAIError as err:
            AI_CALLS.labels("transcribe", "failed").inc()
            raise AiUnavailable(f"{type(err).__name__}: {err}") from err
        AI_CALLS.labels("transcribe", "ok").inc()
        return str(getattr(result, "text", "") or "").strip()


class ProviderSpeechToText:
    """A :class:`core.ports.SpeechToText` on the provider's transcription endpoint."""

    def __init__(self, client: OpenAICompatClient) -> None:
        self._client = client

    def understands(self, language: str) -> bool:
        """Provider models are multilingual."""
        return True

    async def transcribe(self, audio: bytes, language: str) -> str:
        """The provider's transcript; raises :class:`AiUnavailable` on failure or an empty answer."""
        text = await self._client.transcribe(audio, language)
        if not text:
            raise AiUnavailable("empty transcript")
        return text
