"""Waiting for Discord's REST API before logging in.

discord.py reconnects to the gateway by itself, but its login (``GET /users/@me``) is tried once: when Discord
could not be reached at that moment, ``winstreak run`` ended with a traceback. So the same request is asked
first, again with backoff while Discord cannot be reached or answers 5xx; a refused token is
:class:`discord.LoginFailure` at once, as discord.py's login would say.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
import discord

log = logging.getLogger(__name__)


async def until_reachable(token: str, *, first: float = 1.0, most: float = 60.0, request_seconds: float = 10.0) -> None:
    """Return once Discord's REST API answers with the token accepted (cancel the task to give up)."""
    wait = first
    headers = {"Authorization": f"Bot {token}"}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=request_seconds)) as session:
        while True:
            try:
                async with session.get(f"{discord.http.Route.BASE}/users/@me", headers=headers) as response:
                    status = response.status
            except (aiohttp.ClientError, TimeoutError) as err:
                problem = type(err).__name__
            else:
                if status == 401:
                    raise discord.LoginFailure("Improper token has been passed.")
                if status < 500:
                    return
                problem = f"HTTP {status}"
            log.warning("Discord's API cannot be reached (%s): next try in %.0f s", problem, wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, most)
