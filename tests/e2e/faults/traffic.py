"""Traffic for fault tests: several people each send a meal then press Save, all at once, through the stand-in.

Answers are counted per chat from the stand-in's record of successful calls, so a reply sent twice (or never)
shows; the database is read back to check each person has exactly the meals they saved.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

import aiohttp
from sqlalchemy import func, select

from storage.models import IdentityRow, MealRow
from tests.e2e.telegram.standin import MESSAGE_METHODS, Call, StandInBotAPI
from winstreak.bootstrap import App


@dataclass
class Person:
    """One private chat."""

    chat: dict[str, Any]
    user: dict[str, Any]

    @property
    def chat_id(self) -> str:
        return str(self.chat["id"])


def people(api: StandInBotAPI, count: int, first_id: int = 8000) -> list[Person]:
    return [Person(api.chat(first_id + n), api.user(first_id + n, f"P{n}")) for n in range(count)]


def answered(api: StandInBotAPI, methods: tuple[str, ...] = MESSAGE_METHODS) -> list[Call]:
    """Calls the stand-in actually answered with a result (failed attempts excluded)."""
    return [c for c in api.sent(methods) if c.result is not None]


def answers_per_chat(api: StandInBotAPI) -> Counter[str]:
    return Counter(str(c.params["chat_id"]) for c in answered(api))


async def wait_for(
    api: StandInBotAPI, crowd: list[Person], match: str, buttons: bool = False, since: int = 0, within: float = 30
) -> dict[str, Call]:
    """For each person, their latest message (answered after the first ``since``) containing ``match``."""
    deadline = time.monotonic() + within
    while True:
        fresh = answered(api)[since:]
        found = {str(c.params["chat_id"]): c for c in fresh if match in c.text and (c.buttons or not buttons)}
        missing = [p.chat_id for p in crowd if p.chat_id not in found]
        if not missing:
            return found
        if time.monotonic() > deadline:
            shown = [(c.method, c.params.get("chat_id"), c.text[:50], c.result is not None) for c in api.calls]
            raise AssertionError(f"no {match!r} answer for chats {missing}; calls: {shown[-40:]}")
        await asyncio.sleep(0.05)


def save_press(api: StandInBotAPI, person: Person, estimate: Call) -> dict[str, Any]:
    """The callback update of ``person`` pressing Save under ``estimate``."""
    message = api.bot_message(person.chat["id"], estimate.result["message_id"])
    query = {
        "id": f"q{person.chat_id}-{len(api.calls)}",
        "from": person.user,
        "chat_instance": "ci",
        "message": message,
        "data": dict(estimate.buttons)["Save"],
    }
    return api.update(callback_query=query)


async def meals_then_save(api: StandInBotAPI, crowd: list[Person], kcal: int = 420) -> dict[str, Call]:
    """Everyone sends a meal at once, then everyone presses Save at once; returns the estimates by chat."""
    start = len(answered(api))
    meals = [api.update(message=api.message(p.chat, p.user, text=f"dish{p.chat_id} {kcal} kcal")) for p in crowd]
    await asyncio.gather(*(api.push(u) for u in meals))
    estimates = await wait_for(api, crowd, f"{kcal}", buttons=True, since=start)
    start = len(answered(api))
    presses = [save_press(api, p, estimates[p.chat_id]) for p in crowd]
    await asyncio.gather(*(api.push(u) for u in presses))
    await wait_for(api, crowd, "Saved", since=start)
    return estimates


async def meals_by_person(app: App) -> Counter[str]:
    """Saved meals per Telegram chat id, read from the database."""
    async with app.sessions() as session:
        rows = await session.execute(
            select(IdentityRow.external_id, func.count(MealRow.id))
            .join(MealRow, MealRow.user_id == IdentityRow.user_id)
            .where(IdentityRow.platform == "telegram")
            .group_by(IdentityRow.external_id)
        )
    return Counter({str(external): int(n) for external, n in rows.all()})


async def deliver_until_done(api: StandInBotAPI, update: dict[str, Any], within: float = 120) -> list[str]:
    """POST to the webhook until a 2xx, like Telegram: connection errors and non-2xx are retried (every 0.2 s)."""
    assert api.webhook is not None
    outcomes: list[str] = []
    deadline = asyncio.get_running_loop().time() + within
    async with aiohttp.ClientSession() as client:
        while asyncio.get_running_loop().time() < deadline:
            headers = {"X-Telegram-Bot-Api-Secret-Token": api.webhook.get("secret_token", "")}
            try:
                async with client.post(api.webhook["url"], json=update, headers=headers) as response:
                    outcomes.append(str(response.status))
                    if 200 <= response.status < 300:
                        return outcomes
            except aiohttp.ClientError as err:
                outcomes.append(type(err).__name__)
            await asyncio.sleep(0.2)
    raise AssertionError(f"update {update['update_id']} never acknowledged: {outcomes}")
