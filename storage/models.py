"""Foundation tables: users, platform identities, meals and their items, weigh-ins, chat state."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import Base
from storage.types import UtcDateTime


class UserRow(Base):
    """A WinStreak user and their profile."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("height_cm IS NULL OR (height_cm BETWEEN 100 AND 250)", name="height_range"),
        CheckConstraint("weight_kg IS NULL OR (weight_kg BETWEEN 25 AND 400)", name="weight_range"),
        CheckConstraint("rate_kg_per_week BETWEEN 0 AND 1", name="rate_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(64))
    sex: Mapped[str | None] = mapped_column(String(8))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    height_cm: Mapped[float | None] = mapped_column(Float)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    activity: Mapped[str | None] = mapped_column(String(16))
    goal: Mapped[str | None] = mapped_column(String(8))
    rate_kg_per_week: Mapped[float] = mapped_column(Float, default=0.5)
    goal_weight_kg: Mapped[float | None] = mapped_column(Float)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    language: Mapped[str] = mapped_column(String(8), default="en")
    units: Mapped[str] = mapped_column(String(8), default="metric", server_default="metric")  # display only
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class IdentityRow(Base):
    """One platform account (Telegram user, Discord user, terminal name) leading to a user."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("platform", "external_id", name="uq_identities_platform_external"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class MealRow(Base):
    """A logged meal."""

    __tablename__ = "meals"
    __table_args__ = (
        Index("ix_meals_user_day", "user_id", "local_day"),
        Index("ux_meals_user_estimate", "user_id", "estimate_key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    eaten_at: Mapped[datetime] = mapped_column(UtcDateTime())
    local_day: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    input_kind: Mapped[str] = mapped_column(String(16), default="text")
    # The sum of the items' kcal, written with them (meals are never edited in place): the day close-out
    # adds up a day's meals without reading their items.
    kcal: Mapped[float] = mapped_column(Float, server_default="0")
    meal_type: Mapped[str | None] = mapped_column(String(16))  # breakfast, lunch, dinner or snack
    # The key of the estimate it was saved from (None: not from an estimate, or saved before meals_0002):
    # saving the same estimate again finds this meal instead of storing it twice
    estimate_key: Mapped[str | None] = mapped_column(String(64))
    items: Mapped[list[MealItemRow]] = relationship(
        back_populates="meal", cascade="all, delete-orphan", order_by="MealItemRow.position", lazy="selectin"
    )


class MealItemRow(Base):
    """One item of a meal."""

    __tablename__ = "meal_items"
    __table_args__ = (
        CheckConstraint(
            "grams >= 0 AND kcal >= 0 AND protein_g >= 0 AND carbs_g >= 0 AND fat_g >= 0", name="non_negative"
        ),
        CheckConstraint("low_kcal <= kcal AND kcal <= high_kcal", name="kcal_in_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meal_id: Mapped[int] = mapped_column(ForeignKey("meals.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    grams: Mapped[float] = mapped_column(Float)
    kcal: Mapped[float] = mapped_column(Float)
    protein_g: Mapped[float] = mapped_column(Float)
    carbs_g: Mapped[float] = mapped_column(Float)
    fat_g: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(16))
    low_kcal: Mapped[float] = mapped_column(Float)
    high_kcal: Mapped[float] = mapped_column(Float)
    food_id: Mapped[str | None] = mapped_column(String(64))
    meal: Mapped[MealRow] = relationship(back_populates="items")


class WeightRow(Base):
    """A weigh-in."""

    __tablename__ = "weights"
    __table_args__ = (
        Index("ix_weights_user_time", "user_id", "measured_at"),
        CheckConstraint("weight_kg BETWEEN 25 AND 400", name="weight_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    weight_kg: Mapped[float] = mapped_column(Float)
    measured_at: Mapped[datetime] = mapped_column(UtcDateTime())
    local_day: Mapped[date] = mapped_column(Date)


class ChatStateRow(Base):
    """Conversation state of one chat (onboarding step, pending estimate), shared by all replicas."""

    __tablename__ = "chat_states"

    key: Mapped[str] = mapped_column(String(96), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
