"""The Discord outbox transport against the stand-in REST API: DMs, channel posts, rendering, failure mapping."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bots.common.messages import Button, Reply
from bots.discord.outbox_transport import DiscordTransport
from core.model.outbox import DeliveryStatus, OutboxMessage
from tests.e2e.discord.conftest import GUILD, TOKEN
from tests.e2e.discord.standin import StandInDiscord

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
VIA = {"Via": "1.1 google"}  # Discord's edge adds it; without it discord.py takes a 429 for a Cloudflare ban


async def render(message: OutboxMessage) -> list[Reply]:
    """Replies straight from the payload (the notification renderer has its own tests)."""
    payload = message.payload
    buttons = tuple(tuple(Button(label, value) for label, value in row) for row in payload.get("buttons", []))
    image = PNG if payload.get("image") else None
    return [Reply(payload["text"], buttons, image=image)] if payload.get("text") else []


def outbox(chat_id: str, text: str = "Yesterday: WON", group_id: int | None = None, **payload: object) -> OutboxMessage:
    return OutboxMessage(
        1, f"k:{chat_id}", "daily_result", "discord", chat_id, "en", {"text": text, **payload}, group_id=group_id
    )


@pytest.fixture
async def transport(patched: StandInDiscord) -> AsyncIterator[DiscordTransport]:
    sender = DiscordTransport(TOKEN, render)
    try:
        yield sender
    finally:
        await sender.close()


async def test_a_user_gets_a_dm_and_the_dm_channel_is_opened_once(
    transport: DiscordTransport, patched: StandInDiscord
) -> None:
    assert (await transport.deliver(outbox("5001"))).status is DeliveryStatus.SENT
    assert (await transport.deliver(outbox("5001", "Evening reminder"))).status is DeliveryStatus.SENT
    opened = patched.requests(r"POST /api/v10/users/@me/channels")
    assert len(opened) == 1 and str(opened[0].payload["recipient_id"]) == "5001"
    dm = opened[0].result["id"]
    assert [(c.path, c.text) for c in patched.sent()] == [
        (f"/api/v10/channels/{dm}/messages", "Yesterday: WON"),
        (f"/api/v10/channels/{dm}/messages", "Evening reminder"),
    ]


async def test_a_group_post_goes_to_its_channel_split_with_picture_and_buttons(
    transport: DiscordTransport, patched: StandInDiscord
) -> None:
    long = "\n".join(f"{n}. player — {n * 10} points" for n in range(200))  # ~4,700 characters
    message = outbox(GUILD["channel_id"], long, group_id=3, image=True, buttons=[[("Rules", "/rules")]])
    assert (await transport.deliver(message)).status is DeliveryStatus.SENT
    sent = patched.sent()
    assert {c.path for c in sent} == {f"/api/v10/channels/{GUILD['channel_id']}/messages"}
    assert len(sent) == 3 and all(len(c.text) <= 2000 for c in sent)
    assert "".join(c.text for c in sent).replace("\n", "") == long.replace("\n", "")
    assert sent[0].files == {"image.png": PNG} and not sent[1].files
    assert sent[-1].buttons == [("Rules", "/rules")] and not sent[0].buttons
    assert not patched.requests(r"users/@me/channels")


async def test_a_long_rate_limit_goes_back_to_the_outbox_with_retry_after(
    transport: DiscordTransport, patched: StandInDiscord
) -> None:
    patched.fail(
        r"/channels/\d+/messages", 429, {"message": "slow down", "retry_after": 61.5, "global": False}, headers=VIA
    )
    delivery = await transport.deliver(outbox("900", group_id=1))
    assert delivery.status is DeliveryStatus.RETRY and delivery.retry_after == 61.5
    assert patched.sent() == []


async def test_a_short_rate_limit_is_waited_out_by_discord_py(
    transport: DiscordTransport, patched: StandInDiscord
) -> None:
    patched.fail(
        r"/channels/\d+/messages", 429, {"message": "slow down", "retry_after": 0.2, "global": False}, headers=VIA
    )
    assert (await transport.deliver(outbox("900", group_id=1))).status is DeliveryStatus.SENT
    assert len(patched.requests(r"POST /api/v10/channels/900/messages")) == 2 and len(patched.sent()) == 1


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (403, {"message": "Cannot send messages to this user", "code": 50007}, DeliveryStatus.BLOCKED),
        (503, {"message": "upstream unavailable", "code": 0}, DeliveryStatus.RETRY),
        (404, {"message": "Unknown Channel", "code": 10003}, DeliveryStatus.FAILED),
        (400, {"message": "Invalid Form Body", "code": 50035}, DeliveryStatus.FAILED),
    ],
)
async def test_errors_map_to_blocked_retry_or_failed(
    transport: DiscordTransport, patched: StandInDiscord, status: int, body: dict[str, object], expected: DeliveryStatus
) -> None:
    patched.fail(r"/messages$", status, body)
    delivery = await transport.deliver(outbox("5001"))
    assert delivery.status is expected and str(body["message"]) in delivery.error
    assert (await transport.deliver(outbox("5001"))).status is DeliveryStatus.SENT  # only that attempt failed


async def test_nothing_to_render_or_a_bad_id_fails_without_a_request(
    transport: DiscordTransport, patched: StandInDiscord
) -> None:
    assert (await transport.deliver(outbox("5001", ""))).status is DeliveryStatus.FAILED
    assert (await transport.deliver(outbox("telegram:42"))).status is DeliveryStatus.FAILED
    assert patched.calls == []
