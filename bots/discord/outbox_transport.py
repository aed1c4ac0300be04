"""Delivering outbox messages to Discord, mapping REST failures to retry / blocked / failed.

A user's message goes to their DM channel (opened with ``POST /users/@me/channels``, cached by discord.py);
a group's message goes to the server channel stored as the group's ``chat_id``. discord.py's HTTP client
handles rate limits itself (it waits out short 429s); a 429 longer than ``max_ratelimit_timeout`` comes
back as RETRY with Discord's ``retry_after``, so a leased delivery never sleeps for long.
"""

from __future__ import annotations

import asyncio

import aiohttp
import discord

from bots.common.notifications import Renderer
from bots.discord.sending import Send, send_reply
from core.model.outbox import Delivery, DeliveryStatus, OutboxMessage

LONGEST_WAIT = 30.0  # seconds discord.py may sleep on a 429 (its minimum); longer ones go back to the outbox
LOGIN_RETRY = 300.0  # a refused token is retried later: the messages stay in the outbox


def rest_client() -> discord.Client:
    """A client used for REST only (no gateway connection)."""
    return discord.Client(intents=discord.Intents.none(), max_ratelimit_timeout=LONGEST_WAIT)


class DiscordTransport:
    """:class:`core.ports.Transport` for Discord; logs in on first use."""

    def __init__(self, token: str, render: Renderer, client: discord.Client | None = None) -> None:
        self._token = token
        self._render = render
        self._client = client or rest_client()
        self._login = asyncio.Lock()

    async def _sender(self, message: OutboxMessage) -> Send:
        async with self._login:
            if self._client.user is None:
                await self._client.login(self._token)
        target_id = int(message.chat_id)
        if message.group_id is None:  # a person: their DM channel
            return (await self._client.create_dm(discord.Object(target_id))).send
        return self._client.get_partial_messageable(target_id).send

    async def deliver(self, message: OutboxMessage) -> Delivery:
        """Render and send; a 429 or a server/network error asks for a retry, a 403 means blocked."""
        replies = await self._render(message)
        if not replies:
            return Delivery(DeliveryStatus.FAILED, error=f"nothing to send for {message.kind}")
        if not message.chat_id.isdigit():
            return Delivery(DeliveryStatus.FAILED, error=f"not a Discord id: {message.chat_id!r}")
        try:
            send = await self._sender(message)
            for reply in replies:
                await send_reply(send, reply)
        except discord.RateLimited as err:
            return Delivery(DeliveryStatus.RETRY, retry_after=err.retry_after, error=str(err))
        except discord.LoginFailure as err:
            return Delivery(DeliveryStatus.RETRY, retry_after=LOGIN_RETRY, error=f"Discord login refused: {err}")
        except discord.Forbidden as err:
            return Delivery(DeliveryStatus.BLOCKED, error=str(err))
        except discord.HTTPException as err:
            if err.status == 429 or err.status >= 500:
                return Delivery(DeliveryStatus.RETRY, retry_after=retry_after_of(err), error=str(err))
            return Delivery(DeliveryStatus.FAILED, error=str(err))
        except (TimeoutError, aiohttp.ClientError, OSError) as err:
            return Delivery(DeliveryStatus.RETRY, error=f"network: {err!r}")
        return Delivery(DeliveryStatus.SENT)

    async def close(self) -> None:
        """Close the HTTP session."""
        await self._client.close()


def retry_after_of(err: discord.HTTPException) -> float:
    """The ``Retry-After`` header of a failed response, 0 when absent or unreadable."""
    try:
        return float(err.response.headers.get("Retry-After", 0))
    except (TypeError, ValueError):
        return 0.0
