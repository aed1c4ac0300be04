"""What the game has to tell the terminal's user: their closed days, rank changes and trophies, in their words."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bots.common.deps import BotDeps
from bots.common.game_text import announcement
from core.ports import GameUnitOfWork
from core.services.catch_up_days import catch_up

News = Callable[[], Awaitable[list[str]]]


def console_news(deps: BotDeps, game_uow: Callable[[], GameUnitOfWork], user: str) -> News:
    """A function that closes the user's due days and returns one line per event (daily result, rank, trophy)."""

    async def news() -> list[str]:
        async with deps.uow() as uow:  # read only: after /deleteme (or before the first message) there is no one
            account = await uow.users.by_identity("console", user)
        if account is None:
            return []
        tz = account.profile.timezone
        events = await catch_up(game_uow, deps.clock, deps.game_rules, account.id, tz, deps.exercise)
        lines = (announcement(account.profile.language, event) for event in events)
        return [line for line in lines if line]

    return news
