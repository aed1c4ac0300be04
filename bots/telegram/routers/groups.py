"""Group chats: only the league commands are answered; admin-only ones are checked with getChatMember."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatMemberStatus
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bots.common.conversation import Conversation, split_command
from bots.common.flows.groups import ADMIN_COMMANDS, GROUP_COMMANDS
from bots.common.identity import ChatIdentity
from bots.common.platform_texts import group_help_text, not_admin_text, private_only_text
from bots.telegram.identity import GROUP_TYPES
from bots.telegram.routers.common import converse, say
from bots.telegram.routers.inline_filter import inline

ADMIN_STATUSES = frozenset({ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR})


async def is_admin(bot: Bot, chat_id: int, user_id: int) -> bool:
    """Whether the user administers the chat, as Telegram says right now."""
    member = await bot.get_chat_member(chat_id, user_id)
    return member.status in ADMIN_STATUSES


async def group_command(
    bot: Bot, conversation: Conversation, identity: ChatIdentity, text: str, choice: str | None = None
) -> None:
    """Pass a league command (or a pressed button, ``choice``) on after the admin check; ignore anything else.

    ``/admin`` goes on too, so an operator hears that it works in a private chat only.
    """
    command = split_command(text)
    if command is not None and command[0] == "admin" and choice is None:
        await converse(bot, conversation, identity.incoming(text=text.strip()))
        return
    if command is not None and command[0] in conversation.commands and command[0] not in GROUP_COMMANDS:
        await say(bot, identity.chat_id, private_only_text(identity.language, command[0]))  # personal: not here
        return
    if command is None or command[0] not in GROUP_COMMANDS or command[0] not in conversation.commands:
        return
    name, args = command
    if name in ADMIN_COMMANDS and not await is_admin(bot, identity.chat_id, identity.user_id):
        await say(bot, identity.chat_id, not_admin_text(identity.language, name))
        return
    if choice is not None:
        await converse(bot, conversation, identity.incoming(choice=choice))
        return
    if name == "setup":
        args = identity.title  # the group's name, stored with it
    await converse(bot, conversation, identity.incoming(text=f"/{name} {args}".strip()))


def group_router() -> Router:
    """A new router for groups and supergroups."""
    router = Router(name="groups")
    router.message.filter(inline(F.chat.type.in_(GROUP_TYPES)))

    @router.message(Command(*sorted(GROUP_COMMANDS | {"admin"})))
    async def on_league_command(
        message: Message, command: CommandObject, bot: Bot, identity: ChatIdentity, conversation: Conversation
    ) -> None:
        await group_command(bot, conversation, identity, f"/{command.command} {command.args or ''}")

    @router.message(Command("help", "start"))
    async def on_help(message: Message, bot: Bot, identity: ChatIdentity) -> None:
        await say(bot, identity.chat_id, group_help_text(identity.language))

    @router.message(inline(F.text.startswith("/")))
    async def on_other_command(message: Message, bot: Bot, identity: ChatIdentity, conversation: Conversation) -> None:
        await group_command(bot, conversation, identity, message.text or "")

    @router.message(inline(F.text | F.photo | F.voice))
    async def on_meal(message: Message, bot: Bot, identity: ChatIdentity) -> None:
        if await addressed_to_bot(message, bot):  # a meal told to the bot in a group: pointed to the private chat
            await say(bot, identity.chat_id, private_only_text(identity.language, None))

    return router


async def addressed_to_bot(message: Message, bot: Bot) -> bool:
    """A reply to one of the bot's messages, or a message that mentions it by @username."""
    me = await bot.me()
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == me.id:
        return True
    text = message.text or message.caption or ""
    return bool(me.username) and f"@{me.username}".lower() in text.lower()
