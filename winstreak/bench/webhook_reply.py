"""Reading the Bot API method a bot put in its webhook response, as Telegram does.

A bot may answer a webhook delivery with one method call in the HTTP response body (``method`` plus the
method's parameters, as JSON, a URL-encoded form or a multipart form); Telegram runs it without telling the
bot the result. The stand-in Bot APIs (the load bench's and the end-to-end tests') read it here and run it
like a call made by request. aiogram writes a multipart form whose nested values (keyboards) are JSON texts,
as in its requests: the stand-ins decode those the same way for both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import BodyPartReader, ClientResponse, MultipartReader


@dataclass
class WebhookReply:
    """One method returned in a webhook response: its name, text parameters and files (by field name)."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)


async def read_webhook_reply(response: ClientResponse) -> WebhookReply | None:
    """The method in ``response`` (a 2xx webhook answer), or None when it carries none (an empty ``{}``)."""
    kind = response.content_type
    params: dict[str, Any] = {}
    files: dict[str, bytes] = {}
    if kind == "application/json":
        body = await response.json()
        params = dict(body) if isinstance(body, dict) else {}
    elif kind == "application/x-www-form-urlencoded":
        params = dict(parse_qsl(await response.text()))
    elif kind == "multipart/form-data":
        async for part in MultipartReader.from_response(response):
            if not isinstance(part, BodyPartReader) or part.name is None:
                continue  # a nested multipart: not a Bot API form
            if part.filename is not None:
                files[part.name] = bytes(await part.read(decode=True))
            else:
                params[part.name] = await part.text()
    method = params.pop("method", None)
    if not method:
        return None
    return WebhookReply(str(method), params, files)
