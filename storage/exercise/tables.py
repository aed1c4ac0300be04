"""Tables of exercise: one row per logged exercise, and the per-user "exercise counts" setting.

Both cascade from ``users``, so deleting an account deletes them; the export finds them by their ``user_id``.
``exercises.kcal`` is whole kcal, so the close-out's integer allowance equals core.rules.exercise_budget exactly.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base
from storage.types import UtcDateTime


class ExerciseRow(Base):
    """One exercise (after Save)."""

    __tablename__ = "exercises"
    __table_args__ = (
        Index("ix_exercises_user_day", "user_id", "local_day"),
        Index("ix_exercises_day", "local_day"),
        CheckConstraint("kcal >= 0 AND minutes > 0 AND met > 0 AND weight_kg > 0", name="exercise_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    activity: Mapped[str] = mapped_column(String(32))
    met: Mapped[float] = mapped_column(Float)
    minutes: Mapped[float] = mapped_column(Float)
    distance_km: Mapped[float | None] = mapped_column(Float)
    weight_kg: Mapped[float] = mapped_column(Float)
    kcal: Mapped[int] = mapped_column(Integer)
    logged_at: Mapped[datetime] = mapped_column(UtcDateTime())
    local_day: Mapped[date] = mapped_column(Date)


class ExerciseSettingRow(Base):
    """Whether the user's exercise raises their day's budget (a row only once they chose)."""

    __tablename__ = "exercise_settings"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    raises_budget: Mapped[bool] = mapped_column(Boolean)
