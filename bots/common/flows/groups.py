"""Group commands: /setup (admins), /join, /leave, /leaderboard, /groupsettings (admins).

Adapters must check that the sender is a group admin before passing a command in
:data:`ADMIN_COMMANDS` (Telegram asks getChatMember). Only nickname, weekly RP, streak, rank and league are
ever shown here; /leaderboard is worded exactly like the scheduled daily group post.
"""

from __future__ import annotations

from collections.abc import Callable

from bots.common.board_text import group_board_text
from bots.common.conversation import CommandHandler
from bots.common.flows.handler import Request, command
from bots.common.i18n import t
from bots.common.messages import Reply
from core.ports import GameUnitOfWork, GroupStore
from core.rules.game_rules import GameRules
from core.services.group_leaderboard import group_leaderboard
from core.services.group_membership import change_group_settings, join_group, leave_group, setup_group

ADMIN_COMMANDS = frozenset({"setup", "groupsettings"})
GROUP_COMMANDS = frozenset({"setup", "join", "leave", "leaderboard", "groupsettings"})


def consent_text(lang: str) -> str:
    """What joining shows to the group, and what it never shows."""
    return t(
        lang,
        "By joining, this group sees only your nickname, streak, rank and weekly points — "
        "never your weight, meals or BMI. Send /leave at any time.",
    )


def group_commands(
    groups: GroupStore, game_uow: Callable[[], GameUnitOfWork], rules: GameRules
) -> dict[str, CommandHandler]:
    """The group command handlers bound to ``groups``; /leaderboard reads weekly RP through ``game_uow``."""

    @command
    async def setup(req: Request) -> list[Reply]:
        lang, msg = req.lang, req.msg
        if not msg.is_group:
            return [Reply(t(lang, "Add me to a group and send /setup there."))]
        title = req.args.strip() or msg.chat_id
        _, created = await setup_group(groups, msg.platform, msg.chat_id, title, req.user.profile.timezone)
        if not created:
            return [Reply(t(lang, "This group is already in the leagues. Members send /join to take part."))]
        text = t(lang, "This group is in the leagues now! Members send /join to take part.")
        return [Reply(text + "\n\n" + consent_text(lang))]

    @command
    async def join(req: Request) -> list[Reply]:
        lang, msg, name = req.lang, req.msg, req.user.display_name
        if not msg.is_group:
            return [Reply(t(lang, "Send /join in a group to take part in its league."))]
        if not await join_group(groups, msg.platform, msg.chat_id, req.user):
            return [Reply(t(lang, "{name}, you are already in this group's league.", name=name))]
        welcome = t(lang, "Welcome to the league, {name}!", name=name)
        return [Reply(welcome + "\n" + consent_text(lang))]

    @command
    async def leave(req: Request) -> list[Reply]:
        lang, msg = req.lang, req.msg
        if not (msg.is_group and await leave_group(groups, msg.platform, msg.chat_id, req.user)):
            return [Reply(t(lang, "You were not in this group's league."))]
        name = req.user.display_name
        return [Reply(t(lang, "{name} left the league. Nothing about you is shown here any more.", name=name))]

    @command
    async def leaderboard(req: Request) -> list[Reply]:
        lang, msg = req.lang, req.msg
        if not msg.is_group:
            return [Reply(t(lang, "Send /leaderboard in a group to see its week."))]
        today, lines = await group_leaderboard(game_uow(), req.deps.clock, groups, msg.platform, msg.chat_id)
        return [Reply(group_board_text(lang, today, lines, rules))]

    @command
    async def groupsettings(req: Request) -> list[Reply]:
        lang, msg = req.lang, req.msg
        if not msg.is_group:
            return [Reply(t(lang, "Send /groupsettings in a group."))]
        group = await change_group_settings(groups, msg.platform, msg.chat_id, req.args)
        leagues = t(lang, "on") if group.leagues_on else t(lang, "off")
        text = t(
            lang,
            "Group settings\nPost time: {time} ({zone})\nLeagues: {leagues}\n"
            "Change with /groupsettings time=21:00 tz=Europe/Paris leagues=on",
            time=group.post_time,
            zone=group.timezone,
            leagues=leagues,
        )
        return [Reply(text)]

    return {"setup": setup, "join": join, "leave": leave, "leaderboard": leaderboard, "groupsettings": groupsettings}
