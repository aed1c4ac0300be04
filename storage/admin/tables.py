"""Users blocked by an operator (kept apart from ``users.active``, which means "reachable on their platform")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base
from storage.types import UtcDateTime


class UserBlockRow(Base):
    """One blocked user: their messages get a polite refusal and broadcasts skip them."""

    __tablename__ = "user_blocks"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    blocked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    blocked_by: Mapped[str] = mapped_column(String(96))
