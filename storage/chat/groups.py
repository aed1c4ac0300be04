"""Group chats and their opted-in members in SQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.model import UserId
from core.model.group import ChatGroup, GroupMember
from storage.chat.tables import ChatGroupRow, GroupMemberRow


def _group(row: ChatGroupRow) -> ChatGroup:
    return ChatGroup(row.id, row.platform, row.chat_id, row.title, row.leagues_on, row.post_time, row.timezone)


class SqlGroupStore:
    """:class:`core.ports.GroupStore`; every method is one transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def get(self, platform: str, chat_id: str) -> ChatGroup | None:
        """The group of that chat, if it was set up."""
        async with self._sessions() as session:
            query = select(ChatGroupRow).where(ChatGroupRow.platform == platform, ChatGroupRow.chat_id == chat_id)
            row = (await session.execute(query)).scalar_one_or_none()
            return _group(row) if row else None

    async def create(self, platform: str, chat_id: str, title: str, timezone: str) -> ChatGroup:
        """Register a group (or return the existing one when two admins race)."""
        try:
            async with self._sessions() as session, session.begin():
                row = ChatGroupRow(
                    platform=platform,
                    chat_id=chat_id,
                    title=title[:128],
                    timezone=timezone,
                    leagues_on=True,
                    post_time="21:00",
                    created_at=datetime.now(UTC),
                )
                session.add(row)
                await session.flush()
                return _group(row)
        except IntegrityError:
            existing = await self.get(platform, chat_id)
            assert existing is not None
            return existing

    async def save(self, group: ChatGroup) -> None:
        """Store the group's settings."""
        async with self._sessions() as session, session.begin():
            row = await session.get(ChatGroupRow, group.id)
            if row is not None:
                row.title, row.leagues_on = group.title[:128], group.leagues_on
                row.post_time, row.timezone = group.post_time, group.timezone

    async def add_member(self, group_id: int, member: GroupMember) -> bool:
        """Opt a user in; False when they already were (the nickname is refreshed)."""
        async with self._sessions() as session, session.begin():
            row = await session.get(GroupMemberRow, (group_id, int(member.user_id)))
            if row is not None:
                row.nickname = member.nickname[:64]
                return False
            session.add(
                GroupMemberRow(
                    group_id=group_id,
                    user_id=int(member.user_id),
                    nickname=member.nickname[:64],
                    joined_at=datetime.now(UTC),
                )
            )
            return True

    async def remove_member(self, group_id: int, user_id: UserId) -> bool:
        """Opt a user out; False when they were not in."""
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(GroupMemberRow).where(
                    GroupMemberRow.group_id == group_id, GroupMemberRow.user_id == int(user_id)
                )
            )
            return bool(getattr(result, "rowcount", 0))

    async def members(self, group_id: int) -> list[GroupMember]:
        """The opted-in members, in joining order."""
        async with self._sessions() as session:
            query = (
                select(GroupMemberRow)
                .where(GroupMemberRow.group_id == group_id)
                .order_by(GroupMemberRow.joined_at, GroupMemberRow.user_id)
            )
            return [GroupMember(UserId(r.user_id), r.nickname) for r in (await session.execute(query)).scalars()]
