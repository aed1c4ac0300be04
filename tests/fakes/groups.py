"""In-memory :class:`core.ports.GroupStore`: groups by (platform, chat id) and their opted-in members."""

from __future__ import annotations

import dataclasses

from core.model import UserId
from core.model.group import ChatGroup, GroupMember


class MemoryGroups:
    """GroupStore in dicts; ids count up from 1."""

    def __init__(self) -> None:
        self.groups: dict[int, ChatGroup] = {}
        self.members_of: dict[int, dict[UserId, GroupMember]] = {}

    async def get(self, platform: str, chat_id: str) -> ChatGroup | None:
        return next((g for g in self.groups.values() if (g.platform, g.chat_id) == (platform, chat_id)), None)

    async def create(self, platform: str, chat_id: str, title: str, timezone: str) -> ChatGroup:
        existing = await self.get(platform, chat_id)
        if existing is not None:
            return existing
        group = ChatGroup(len(self.groups) + 1, platform, chat_id, title, timezone=timezone)
        self.groups[group.id] = group
        self.members_of[group.id] = {}
        return group

    async def save(self, group: ChatGroup) -> None:
        self.groups[group.id] = dataclasses.replace(group)

    async def add_member(self, group_id: int, member: GroupMember) -> bool:
        known = member.user_id in self.members_of[group_id]
        self.members_of[group_id][member.user_id] = member
        return not known

    async def remove_member(self, group_id: int, user_id: UserId) -> bool:
        return self.members_of[group_id].pop(user_id, None) is not None

    async def members(self, group_id: int) -> list[GroupMember]:
        return list(self.members_of.get(group_id, {}).values())
