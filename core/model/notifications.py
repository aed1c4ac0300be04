"""What a scheduled message reports, loaded when it is rendered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class DailyResultData:
    """A closed day of one user, with the game state after it and the trophies it unlocked."""

    day: date
    result: str
    kcal: float
    target_kcal: int
    streak: int
    best_streak: int
    freezes: int
    freeze_spent: bool
    rp_before: int
    rp: int
    trophies: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class BoardLine:
    """One member in a group post: only what they consented to show (nickname, points, streak, rank)."""

    place: int
    nickname: str
    week_rp: int
    streak: int
    rp: int
    league: int = 0
    movement: str = ""


@dataclass(frozen=True, slots=True)
class NotificationPrefs:
    """When a user wants their daily result and evening reminder, in local wall-clock time."""

    daily_result_time: str = "08:00"
    daily_results_on: bool = True
    reminder_time: str = "20:00"
    reminders_on: bool = True
