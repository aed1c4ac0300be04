"""Game commands: /streak, /rank (rank card), /trophies (trophy case), /rules (the rule book with its numbers).

The composition root registers :func:`gamification_commands` as extra commands of the conversation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bots.common.conversation import CommandHandler
from bots.common.flows.handler import Request, command
from bots.common.game_text import rank_text, rules_text, streak_text, trophies_text
from bots.common.messages import Reply
from core.model import UserAccount
from core.ports import GameUnitOfWork
from core.rules.game_rules import GameRules
from core.services.game_status import GameStatus, game_status

COMMANDS = ("streak", "rank", "trophies", "rules")


def gamification_commands(game_uow: Callable[[], GameUnitOfWork], rules: GameRules) -> dict[str, CommandHandler]:
    """The game's command handlers, bound to a unit-of-work factory and the rule settings."""

    async def _status(user: UserAccount) -> GameStatus:
        return await game_status(game_uow(), user.id, rules)

    @command
    async def streak(req: Request) -> list[Reply]:
        return [Reply(streak_text(req.lang, await _status(req.user), rules))]

    @command
    async def rank(req: Request) -> list[Reply]:
        from bots.common.pictures.rank_card import rank_card  # Pillow: imported with the first picture

        status = await _status(req.user)
        image = await asyncio.to_thread(rank_card, status, rules, req.lang)
        return [Reply(rank_text(req.lang, status, rules), image=image, image_name="rank.png")]

    @command
    async def trophies(req: Request) -> list[Reply]:
        from bots.common.pictures.trophy_case import trophy_case  # Pillow: imported with the first picture

        status = await _status(req.user)
        image = await asyncio.to_thread(trophy_case, status, req.lang)
        return [Reply(trophies_text(req.lang, status), image=image, image_name="trophies.png")]

    @command
    async def rules_(req: Request) -> list[Reply]:
        return [Reply(rules_text(req.lang, rules))]

    return {"streak": streak, "rank": rank, "trophies": trophies, "rules": rules_}
