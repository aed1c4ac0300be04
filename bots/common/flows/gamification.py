"""Game commands: /streak, /rank (rank card), /trophies (trophy case), /rules (the rule book with its numbers).

The composition root registers :func:`gamification_commands` as extra commands of the conversation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bots.common.conversation import CommandHandler
from bots.common.deps import BotDeps
from bots.common.game_text import rank_text, rules_text, streak_text, trophies_text
from bots.common.i18n import error_text
from bots.common.messages import Incoming, Reply
from bots.common.pictures.rank_card import rank_card
from bots.common.pictures.trophy_case import trophy_case
from bots.common.state import ChatState
from core.errors import WinStreakError
from core.model import UserAccount
from core.ports import GameUnitOfWork
from core.rules.game_rules import GameRules
from core.services.game_status import GameStatus, game_status

COMMANDS = ("streak", "rank", "trophies", "rules")


def gamification_commands(game_uow: Callable[[], GameUnitOfWork], rules: GameRules) -> dict[str, CommandHandler]:
    """The game's command handlers, bound to a unit-of-work factory and the rule settings."""

    async def _status(user: UserAccount) -> GameStatus:
        return await game_status(game_uow(), user.id, rules)

    async def streak(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
        lang = user.profile.language
        try:
            status = await _status(user)
        except WinStreakError as err:
            return [Reply(error_text(lang, err))]
        return [Reply(streak_text(lang, status, rules))]

    async def rank(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
        lang = user.profile.language
        try:
            status = await _status(user)
        except WinStreakError as err:
            return [Reply(error_text(lang, err))]
        image = await asyncio.to_thread(rank_card, status, rules, lang)
        return [Reply(rank_text(lang, status, rules), image=image, image_name="rank.png")]

    async def trophies(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
        lang = user.profile.language
        try:
            status = await _status(user)
        except WinStreakError as err:
            return [Reply(error_text(lang, err))]
        image = await asyncio.to_thread(trophy_case, status, lang)
        return [Reply(trophies_text(lang, status), image=image, image_name="trophies.png")]

    async def rules_(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
        return [Reply(rules_text(user.profile.language, rules))]

    return {"streak": streak, "rank": rank, "trophies": trophies, "rules": rules_}
