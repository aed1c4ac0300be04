"""Gamification tables: one closed day per (user, day), running stats, rank changes, trophies, groups, leagues."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base
from storage.models import MealRow

_USER_FK = "users.id"


class UserStatsRow(Base):
    """The game state of one user (see :class:`core.rules.player.PlayerStats`)."""

    __tablename__ = "user_stats"

    user_id: Mapped[int] = mapped_column(ForeignKey(_USER_FK, ondelete="CASCADE"), primary_key=True)
    last_closed_day: Mapped[date | None] = mapped_column(Date)
    streak: Mapped[int] = mapped_column(Integer, default=0)
    best_streak: Mapped[int] = mapped_column(Integer, default=0)
    freezes: Mapped[int] = mapped_column(Integer, default=0)
    won_run: Mapped[int] = mapped_column(Integer, default=0)
    non_won_run: Mapped[int] = mapped_column(Integer, default=0)
    rp: Mapped[int] = mapped_column(Integer, default=0)
    best_rp: Mapped[int] = mapped_column(Integer, default=0)
    shield: Mapped[int] = mapped_column(Integer, default=0)
    won_days: Mapped[int] = mapped_column(Integer, default=0)
    perfect_weeks: Mapped[int] = mapped_column(Integer, default=0)
    comebacks: Mapped[int] = mapped_column(Integer, default=0)
    freezes_used: Mapped[int] = mapped_column(Integer, default=0)
    meals: Mapped[int] = mapped_column(Integer, default=0)
    photo_meals: Mapped[int] = mapped_column(Integer, default=0)
    voice_meals: Mapped[int] = mapped_column(Integer, default=0)
    barcode_meals: Mapped[int] = mapped_column(Integer, default=0)
    start_weight_kg: Mapped[float | None] = mapped_column(Float)
    start_bmi_distance: Mapped[int | None] = mapped_column(Integer)
    league_promotions: Mapped[int] = mapped_column(Integer, default=0)
    league_podiums: Mapped[int] = mapped_column(Integer, default=0)


class DayResultRow(Base):
    """One closed day of one user: the tally, the result and the state after it (the close-out journal).

    The primary key (user_id, day) closes each day once. There is deliberately no foreign key to users:
    the close-out writes a million rows at a time and a per-row key check cost a fifth of it; deleting
    a user deletes these rows explicitly (:func:`storage.gamification.forget.forget_user`).
    """

    __tablename__ = "day_results"
    __table_args__ = (Index("ix_day_results_day", "day"),)

    user_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    result: Mapped[str] = mapped_column(String(8))
    kcal: Mapped[float] = mapped_column(Float)
    target_kcal: Mapped[int] = mapped_column(Integer)
    meals: Mapped[int] = mapped_column(Integer)
    photo_meals: Mapped[int] = mapped_column(Integer)
    voice_meals: Mapped[int] = mapped_column(Integer)
    barcode_meals: Mapped[int] = mapped_column(Integer)
    streak: Mapped[int] = mapped_column(Integer)
    best_streak: Mapped[int] = mapped_column(Integer)
    freezes: Mapped[int] = mapped_column(Integer)
    won_run: Mapped[int] = mapped_column(Integer)
    non_won_run: Mapped[int] = mapped_column(Integer)
    rp_before: Mapped[int] = mapped_column(Integer)
    rp: Mapped[int] = mapped_column(Integer)
    best_rp: Mapped[int] = mapped_column(Integer)
    shield: Mapped[int] = mapped_column(Integer)
    step_before: Mapped[int] = mapped_column(Integer)
    step_after: Mapped[int] = mapped_column(Integer)
    won: Mapped[int] = mapped_column(Integer)
    perfect_week: Mapped[int] = mapped_column(Integer)
    comeback: Mapped[int] = mapped_column(Integer)
    freeze_spent: Mapped[int] = mapped_column(Integer)
    start_weight_kg: Mapped[float | None] = mapped_column(Float)
    start_bmi_distance: Mapped[int | None] = mapped_column(Integer)
    total_won_days: Mapped[int] = mapped_column(Integer)
    total_perfect_weeks: Mapped[int] = mapped_column(Integer)
    total_comebacks: Mapped[int] = mapped_column(Integer)
    total_freezes_used: Mapped[int] = mapped_column(Integer)
    total_meals: Mapped[int] = mapped_column(Integer)
    total_photo_meals: Mapped[int] = mapped_column(Integer)
    total_voice_meals: Mapped[int] = mapped_column(Integer)
    total_barcode_meals: Mapped[int] = mapped_column(Integer)


class CloseoutRunRow(Base):
    """One set-based close-out: unfinished runs are finished first, so a crash resumes cleanly."""

    __tablename__ = "closeout_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    zones: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RankHistoryRow(Base):
    """A day on which a user's division changed."""

    __tablename__ = "rank_history"
    __table_args__ = (UniqueConstraint("user_id", "day", name="uq_rank_history_user_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(_USER_FK, ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    step_before: Mapped[int] = mapped_column(Integer)
    step_after: Mapped[int] = mapped_column(Integer)
    rp: Mapped[int] = mapped_column(Integer)


class TrophyRow(Base):
    """A trophy a user unlocked, once, with the day.

    No foreign key to users, like ``day_results``: close-outs insert hundreds of thousands at once;
    :func:`storage.gamification.forget.forget_user` deletes them with the user.
    """

    __tablename__ = "trophies"
    __table_args__ = (UniqueConstraint("user_id", "code", name="uq_trophies_user_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    unlocked_on: Mapped[date] = mapped_column(Date)


class LeagueMemberRow(Base):
    """The league a group member plays in (0 = lowest); kept when they leave, so leaving cannot dodge a demotion."""

    __tablename__ = "league_members"

    group_id: Mapped[int] = mapped_column(ForeignKey("chat_groups.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(_USER_FK, ondelete="CASCADE"), primary_key=True)
    league: Mapped[int] = mapped_column(Integer, default=0)


class LeagueResultRow(Base):
    """A member's final place in one league week, kept for posting."""

    __tablename__ = "league_results"
    __table_args__ = (UniqueConstraint("group_id", "week_start", "user_id", name="uq_league_results_week_user"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("chat_groups.id", ondelete="CASCADE"))
    week_start: Mapped[date] = mapped_column(Date)
    user_id: Mapped[int] = mapped_column(ForeignKey(_USER_FK, ondelete="CASCADE"))
    league: Mapped[int] = mapped_column(Integer)
    place: Mapped[int] = mapped_column(Integer)
    week_rp: Mapped[int] = mapped_column(Integer)
    movement: Mapped[str] = mapped_column(String(8))
    league_after: Mapped[int] = mapped_column(Integer)


# The close-out reads one local day of all users' meals; declared here so the metadata matches the migration.
MEALS_BY_DAY = Index("ix_meals_local_day", MealRow.local_day)
