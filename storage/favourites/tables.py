"""The favourites table: a user's named meals, each a snapshot of a saved meal's items (JSON)."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class FavouriteRow(Base):
    """One favourite; ``name_key`` (the name case-folded) is unique per user, ``items`` is a JSON list."""

    __tablename__ = "favourites"
    __table_args__ = (UniqueConstraint("user_id", "name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    name_key: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    items: Mapped[str] = mapped_column(Text)
    kcal: Mapped[float] = mapped_column(Float)
