"""Reading a method from a webhook response, in each body Telegram accepts: JSON, URL-encoded, multipart."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import ClientSession, FormData, MultipartWriter, web

from winstreak.bench.webhook_reply import WebhookReply, read_webhook_reply


def multipart() -> web.Response:
    writer = MultipartWriter("form-data", boundary="b0undary")
    for name, value in (("method", "sendMessage"), ("chat_id", "7"), ("reply_markup", '{"inline_keyboard":[]}')):
        writer.append(value).set_content_disposition("form-data", name=name)
    writer.append(b"\x89PNG").set_content_disposition("form-data", name="photo", filename="p.png")
    return web.Response(body=writer)


def answering(body: Callable[[], web.Response]) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def answer(request: web.Request) -> web.Response:
        return body()

    return answer


BODIES: dict[str, Callable[[], web.Response]] = {
    "json": lambda: web.json_response({"method": "answerCallbackQuery", "callback_query_id": "q1"}),
    "form": lambda: web.Response(body=FormData({"method": "answerCallbackQuery", "callback_query_id": "q1"})()),
    "multipart": multipart,
    "none": lambda: web.json_response({}),  # aiogram's answer when the handler returned no method
}


@pytest.fixture
async def server() -> AsyncIterator[str]:
    app = web.Application()
    for name, body in BODIES.items():
        app.router.add_post(f"/{name}", answering(body))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def reply(base: str, name: str) -> WebhookReply | None:
    async with ClientSession() as client, client.post(f"{base}/{name}", json={}) as response:
        return await read_webhook_reply(response)


@pytest.mark.parametrize("name", ["json", "form"])
async def test_a_method_in_a_json_or_url_encoded_body(server: str, name: str) -> None:
    assert await reply(server, name) == WebhookReply("answerCallbackQuery", {"callback_query_id": "q1"})


async def test_a_multipart_body_gives_its_fields_and_files(server: str) -> None:
    got = await reply(server, "multipart")
    assert got is not None and got.method == "sendMessage"
    assert got.params == {"chat_id": "7", "reply_markup": '{"inline_keyboard":[]}'}
    assert got.files == {"photo": b"\x89PNG"}


async def test_an_empty_answer_carries_no_method(server: str) -> None:
    assert await reply(server, "none") is None
