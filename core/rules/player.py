"""A user's game state and closing one day for it: the whole rule book applied in one pure step."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from core.rules.bmi import BmiCategory, bmi, bmi_category
from core.rules.day_result import DayResult, classify
from core.rules.game_rules import GameRules
from core.rules.ranks import RankStep, apply_rp, rp_change
from core.rules.streak import StreakState, StreakStep, apply_day
from core.rules.trophies import StatsSnapshot

SUNDAY = 6
PERFECT_WEEK_DAYS = 7
"""A won Sunday closing this many won days in a row (Monday to Sunday) is a perfect week."""
_BMI_ORDER = list(BmiCategory)


def perfect_week(won: bool, day: date, won_run: int) -> bool:
    """True when a won ``day`` is a Sunday closing ``PERFECT_WEEK_DAYS`` won days in a row (``won_run`` after it)."""
    return won and day.weekday() == SUNDAY and won_run >= PERFECT_WEEK_DAYS


def bmi_distance(weight_kg: float | None, height_cm: float | None) -> int | None:
    """How many WHO categories the weight is away from 'normal' (None without both values)."""
    if not weight_kg or not height_cm:
        return None
    index = _BMI_ORDER.index(bmi_category(bmi(weight_kg, height_cm)))
    return abs(index - _BMI_ORDER.index(BmiCategory.NORMAL))


@dataclass(frozen=True, slots=True)
class DayTally:
    """What a user logged on one local day."""

    kcal: float = 0.0
    meals: int = 0
    photo_meals: int = 0
    voice_meals: int = 0
    barcode_meals: int = 0


@dataclass(frozen=True, slots=True)
class PlayerStats:
    """Everything the game remembers about a user (one row of ``user_stats``)."""

    last_closed_day: date | None = None
    streak: int = 0
    best_streak: int = 0
    freezes: int = 0
    won_run: int = 0
    non_won_run: int = 0
    rp: int = 0
    best_rp: int = 0
    shield: int = 0
    won_days: int = 0
    perfect_weeks: int = 0
    comebacks: int = 0
    freezes_used: int = 0
    meals: int = 0
    photo_meals: int = 0
    voice_meals: int = 0
    barcode_meals: int = 0
    start_weight_kg: float | None = None
    start_bmi_distance: int | None = None
    league_promotions: int = 0
    league_podiums: int = 0

    @property
    def streak_state(self) -> StreakState:
        """The streak part."""
        return StreakState(self.streak, self.best_streak, self.freezes, self.won_run, self.non_won_run)

    def snapshot(self, weight_kg: float | None, height_cm: float | None) -> StatsSnapshot:
        """The trophy metrics, given the user's current weight and height."""
        lost = (self.start_weight_kg - weight_kg) if self.start_weight_kg and weight_kg else 0.0
        now_distance = bmi_distance(weight_kg, height_cm)
        improved = 0
        if self.start_bmi_distance is not None and now_distance is not None:
            improved = self.start_bmi_distance - now_distance
        return StatsSnapshot(
            meals=self.meals, photo_meals=self.photo_meals, voice_meals=self.voice_meals,
            barcode_meals=self.barcode_meals, won_days=self.won_days, best_streak=self.best_streak,
            best_rp=self.best_rp, perfect_weeks=self.perfect_weeks, comebacks=self.comebacks,
            freezes_used=self.freezes_used, weight_lost_kg=lost, bmi_steps_improved=improved,
            league_promotions=self.league_promotions, league_podiums=self.league_podiums,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class DayOutcome:
    """One closed day: its result and what it did to streak, rank and stats."""

    day: date
    result: DayResult
    tally: DayTally
    target_kcal: int
    streak: StreakStep
    rank: RankStep
    stats: PlayerStats


def close(
    stats: PlayerStats, day: date, tally: DayTally, target_kcal: int, rules: GameRules,
    weight_kg: float | None = None, height_cm: float | None = None,
) -> DayOutcome:  # fmt: skip
    """Close ``day`` for a user: classify it, then update streak, freezes, RP, shield and counters."""
    if stats.last_closed_day is not None and day <= stats.last_closed_day:
        raise ValueError(f"{day} is not after the last closed day {stats.last_closed_day}")
    result = classify(tally.kcal, tally.meals, target_kcal, rules)
    won = result is DayResult.WON
    step = apply_day(stats.streak_state, result, rules)
    rank = apply_rp(stats.rp, stats.shield, rp_change(result, step.state.streak, rules), rules)
    s = step.state
    after = dataclasses.replace(
        stats, last_closed_day=day, streak=s.streak, best_streak=s.best, freezes=s.freezes, won_run=s.won_run,
        non_won_run=s.non_won_run, rp=rank.rp, best_rp=max(stats.best_rp, rank.rp), shield=rank.shield,
        won_days=stats.won_days + won,
        perfect_weeks=stats.perfect_weeks + perfect_week(won, day, s.won_run),
        comebacks=stats.comebacks + step.comeback, freezes_used=stats.freezes_used + step.freeze_spent,
        meals=stats.meals + tally.meals, photo_meals=stats.photo_meals + tally.photo_meals,
        voice_meals=stats.voice_meals + tally.voice_meals, barcode_meals=stats.barcode_meals + tally.barcode_meals,
        start_weight_kg=stats.start_weight_kg if stats.start_weight_kg is not None else weight_kg,
        start_bmi_distance=(
            stats.start_bmi_distance if stats.start_bmi_distance is not None else bmi_distance(weight_kg, height_cm)
        ),
    )  # fmt: skip
    return DayOutcome(day, result, tally, target_kcal, step, rank, after)
