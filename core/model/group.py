"""Group chats in the leagues and the members who opted in to be shown there."""

from __future__ import annotations

from dataclasses import dataclass

from core.model.ids import UserId


@dataclass(frozen=True, slots=True)
class ChatGroup:
    """A group chat on one platform that joined the leagues, with the settings its admins chose."""

    id: int
    platform: str
    chat_id: str
    title: str = ""
    leagues_on: bool = True
    post_time: str = "21:00"
    timezone: str = "UTC"


@dataclass(frozen=True, slots=True)
class GroupMember:
    """A user shown in a group: only the nickname is stored with the membership."""

    user_id: UserId
    nickname: str
