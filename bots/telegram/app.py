"""The Telegram app factory: a Bot (API base, outgoing limits) and a Dispatcher with one router per feature."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats

from bots.common.conversation import Conversation
from bots.common.flows.groups import GROUP_COMMANDS
from bots.common.i18n import LANGUAGES
from bots.common.platform_texts import command_menu
from bots.telegram.dedup import DedupMiddleware, UpdateLog
from bots.telegram.identity import IdentityMiddleware
from bots.telegram.isolation import ChatIsolation, SparseStorage
from bots.telegram.limits import Limits, OutgoingLimits
from bots.telegram.observe import AnswerErrorsMiddleware, InFlight, ObserveMiddleware
from bots.telegram.probe import ConnectionProbe
from bots.telegram.redeliver import RedeliverInProcess
from bots.telegram.response_types import PinResponseTypes
from bots.telegram.routers.callbacks import callback_router
from bots.telegram.routers.groups import group_router
from bots.telegram.routers.private import private_router
from bots.telegram.startup_calls import StartupCall


def create_bot(
    token: str,
    *,
    api_base: str | None = None,
    limits: Limits | None = None,
    on_blocked: Callable[[int], Awaitable[None]] | None = None,
    probe: ConnectionProbe | None = None,
) -> Bot:
    """A Bot talking to ``api_base`` (a self-hosted Bot API server) or to Telegram, through the limits.

    ``probe`` (for ``/readyz``) hears whether each call reached the Bot API.
    """
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_base)) if api_base else AiohttpSession()
    session.middleware(PinResponseTypes())
    session.middleware(OutgoingLimits(limits or Limits(), on_blocked))
    if probe is not None:
        session.middleware(probe)
    return Bot(token, session=session)


def create_dispatcher(
    conversation: Conversation,
    updates: UpdateLog | None = None,
    on_private_message: Callable[[int], Awaitable[None]] | None = None,
    in_flight: InFlight | None = None,
) -> Dispatcher:
    """A Dispatcher with observation (log context, metrics, error answers), de-duplication, identity and routers.

    ``conversation`` reaches every handler; ``in_flight`` counts the updates being handled (graceful stop).
    """
    # one update at a time per chat and person (the conversation state is read, changed, written back)
    dispatcher = Dispatcher(conversation=conversation, storage=SparseStorage(), events_isolation=ChatIsolation())
    dispatcher.update.outer_middleware(ObserveMiddleware(in_flight))
    dispatcher.update.outer_middleware(RedeliverInProcess())  # long polling: again while the database is away
    if updates is not None:
        dispatcher.update.outer_middleware(DedupMiddleware(updates))
    dispatcher.update.outer_middleware(IdentityMiddleware(on_private_message))
    dispatcher.update.outer_middleware(AnswerErrorsMiddleware())
    dispatcher.include_routers(group_router(), callback_router(), private_router())
    menu: list[StartupCall] = []

    async def commands_at_start(bot: Bot, conversation: Conversation) -> None:
        # Telegram away at start: the bot runs anyway and the menu is set once it answers
        menu.append(StartupCall("the command menu (setMyCommands)", lambda: register_commands(bot, conversation)))
        await menu[-1].start()

    async def stop_trying() -> None:
        for call in menu:
            await call.close()

    dispatcher.startup.register(commands_at_start)
    dispatcher.shutdown.register(stop_trying)
    return dispatcher


async def register_commands(bot: Bot, conversation: Conversation) -> None:
    """setMyCommands for private chats and groups, in every supported language (English is the default)."""
    available = set(conversation.commands)
    for lang in LANGUAGES:
        code = None if lang == "en" else lang
        private = [BotCommand(command=c, description=d) for c, d in command_menu(lang, available)]
        groups = [BotCommand(command=c, description=d) for c, d in command_menu(lang, available & GROUP_COMMANDS)]
        await bot.set_my_commands(private, scope=BotCommandScopeAllPrivateChats(), language_code=code)
        if groups:
            await bot.set_my_commands(groups, scope=BotCommandScopeAllGroupChats(), language_code=code)
