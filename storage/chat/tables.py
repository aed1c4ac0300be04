"""Tables of the chat adapters: update de-duplication, link codes, groups and group members.

``chat_groups`` and ``group_members`` are platform-neutral on purpose, so the leagues feature can adopt
them (a group is a chat of one platform; a member is a user who opted in with /join).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class ProcessedUpdateRow(Base):
    """An incoming update being processed or already processed (so a redelivery is skipped)."""

    __tablename__ = "processed_updates"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class LinkCodeRow(Base):
    """A one-time code that joins another platform account to this user's profile."""

    __tablename__ = "link_codes"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ChatGroupRow(Base):
    """A group chat that joined the leagues (/setup by an admin), with its settings."""

    __tablename__ = "chat_groups"
    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_chat_groups_platform_chat"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(128), default="")
    leagues_on: Mapped[bool] = mapped_column(Boolean, default=True)
    post_time: Mapped[str] = mapped_column(String(5), default="21:00")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GroupMemberRow(Base):
    """A user who opted in (/join) to appear in a group's leaderboard."""

    __tablename__ = "group_members"

    group_id: Mapped[int] = mapped_column(ForeignKey("chat_groups.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    nickname: Mapped[str] = mapped_column(String(64))
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
