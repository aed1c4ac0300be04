"""Operator tables: blocked users (apart from ``users.active``, "reachable"), the audit log, AI quotas and usage."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base
from storage.types import UtcDateTime


class UserBlockRow(Base):
    """One blocked user: their messages get a polite refusal and broadcasts skip them."""

    __tablename__ = "user_blocks"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    blocked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    blocked_by: Mapped[str] = mapped_column(String(96))


class AuditRow(Base):
    """One operator action: who (``platform:id``), when, which action, on which user, and what (no message text)."""

    __tablename__ = "admin_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(96))
    action: Mapped[str] = mapped_column(String(16))
    target_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    detail: Mapped[str] = mapped_column(String(200), default="")


class UserQuotaRow(Base):
    """An operator's override of one user's AI calls a day (``/admin quota ID N``)."""

    __tablename__ = "user_quotas"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    ai_calls_per_day: Mapped[int] = mapped_column(Integer)


class AiUsageRow(Base):
    """How many AI calls (estimates) a user made on one UTC day; older days are dropped as new ones start."""

    __tablename__ = "ai_usage"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    calls: Mapped[int] = mapped_column(Integer, default=0)
