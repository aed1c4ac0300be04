"""Groups in the leagues: set up by an admin, members opt in and out, admins change settings."""

from __future__ import annotations

import dataclasses
import re

from core.errors import InvalidValue, WinStreakError
from core.model import UserAccount
from core.model.group import ChatGroup, GroupMember
from core.ports import GroupStore
from core.rules.days import zone
from core.text import N_


async def setup_group(
    groups: GroupStore, platform: str, chat_id: str, title: str, timezone: str
) -> tuple[ChatGroup, bool]:
    """The group, created if new; the flag says whether it was created now."""
    existing = await groups.get(platform, chat_id)
    if existing is not None:
        return existing, False
    return await groups.create(platform, chat_id, title, timezone), True


async def _group(groups: GroupStore, platform: str, chat_id: str) -> ChatGroup:
    group = await groups.get(platform, chat_id)
    if group is None:
        raise WinStreakError(N_("This group is not in the leagues yet: a group admin sends /setup first."))
    return group


async def join_group(groups: GroupStore, platform: str, chat_id: str, user: UserAccount) -> bool:
    """Opt the user in under their display name; False when already in."""
    group = await _group(groups, platform, chat_id)
    return await groups.add_member(group.id, GroupMember(user.id, user.display_name))


async def leave_group(groups: GroupStore, platform: str, chat_id: str, user: UserAccount) -> bool:
    """Opt the user out; False when they were not in."""
    group = await _group(groups, platform, chat_id)
    return await groups.remove_member(group.id, user.id)


def apply_group_setting(group: ChatGroup, key: str, value: str) -> ChatGroup:
    """The group with one setting changed (``time``, ``tz`` or ``leagues``); a bad value raises."""
    if key in ("time", "post_time"):
        match = re.fullmatch(r"([01]?\d|2[0-3])[:h]([0-5]\d)", value)
        if not match:
            raise InvalidValue("post_time", N_("Give the post time as HH:MM, e.g. 21:00."))
        return dataclasses.replace(group, post_time=f"{int(match.group(1)):02d}:{match.group(2)}")
    if key in ("tz", "timezone"):
        zone(value)
        return dataclasses.replace(group, timezone=value)
    if key in ("leagues", "league"):
        if value.lower() not in ("on", "off"):
            raise InvalidValue("leagues", N_("Leagues are either on or off."))
        return dataclasses.replace(group, leagues_on=value.lower() == "on")
    raise InvalidValue("setting", N_("Unknown setting “{key}”: use time, tz or leagues."), key=key[:20])


async def change_group_settings(groups: GroupStore, platform: str, chat_id: str, text: str) -> ChatGroup:
    """Apply ``time=21:00 tz=Europe/Paris leagues=on`` (any subset); nothing is stored if one is wrong."""
    group = await _group(groups, platform, chat_id)
    for pair in text.split():
        key, sep, value = pair.partition("=")
        if not sep or not value:
            raise InvalidValue(
                "setting", N_("Write settings as key=value, e.g. time=21:00 tz=Europe/Paris leagues=on.")
            )
        group = apply_group_setting(group, key.lower(), value)
    await groups.save(group)
    return group
