"""Trophies: each a threshold on one metric of a user's stats, so Python and SQL evaluate the same table.

:data:`TROPHIES` is the catalogue; :func:`newly_unlocked` is the pure evaluation from a snapshot.
The set-based close-out turns the same rows into ``INSERT … SELECT … WHERE metric >= threshold``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from core.rules.game_rules import GameRules
from core.rules.ranks import LEGEND_STEP, Tier, step_floor


@dataclass(frozen=True, slots=True)
class StatsSnapshot:
    """The metrics trophies look at (counters are lifetime totals)."""

    meals: int = 0
    photo_meals: int = 0
    voice_meals: int = 0
    barcode_meals: int = 0
    won_days: int = 0
    best_streak: int = 0
    best_rp: int = 0
    perfect_weeks: int = 0
    comebacks: int = 0
    freezes_used: int = 0
    weight_lost_kg: float = 0.0
    bmi_steps_improved: int = 0
    """How many WHO categories closer to 'normal' the user is than at the start."""
    league_promotions: int = 0
    league_podiums: int = 0

    def metric(self, name: str) -> float:
        """The value of one metric by name."""
        return float(getattr(self, name))


METRICS = tuple(f.name for f in fields(StatsSnapshot))


@dataclass(frozen=True, slots=True)
class Trophy:
    """One trophy: unlocked the first time ``metric >= threshold``."""

    code: str
    emoji: str
    name: str
    condition: str
    metric: str
    threshold: float


def _tier_trophies(rules: GameRules) -> list[Trophy]:
    out = []
    for tier in list(Tier)[1:]:
        step = LEGEND_STEP if tier is Tier.LEGEND else tier.value * 3
        floor = step_floor(step, rules)
        out.append(
            Trophy(f"tier_{tier.name.lower()}", "🏅", f"{tier.title} reached", f"Reach {tier.title}.", "best_rp", floor)
        )
    return out


def catalogue(rules: GameRules) -> tuple[Trophy, ...]:
    """All trophies, in display order (tier thresholds follow the RP settings)."""
    streaks = [
        Trophy(f"streak_{n}", "🔥", f"{n}-day streak", f"Reach a {n}-day streak.", "best_streak", n)
        for n in (3, 7, 30, 100, 365)
    ]
    return (
        Trophy("first_meal", "🍽️", "First bite", "Log your first meal.", "meals", 1),
        Trophy("first_photo", "📸", "Snapshot", "Log a meal from a photo.", "photo_meals", 1),
        Trophy("first_voice", "🎙️", "Say it", "Log a meal by voice.", "voice_meals", 1),
        Trophy("first_barcode", "🏷️", "Scanner", "Log a meal from a barcode.", "barcode_meals", 1),
        Trophy("first_win", "✅", "First win", "Win your first day.", "won_days", 1),
        *streaks,
        Trophy("perfect_week", "🌟", "Perfect week", "Win every day from Monday to Sunday.", "perfect_weeks", 1),
        Trophy("comeback", "💪", "Comeback", "Win a day after 3 or more days without a win.", "comebacks", 1),
        Trophy("freeze_saved", "🧊", "Saved by ice", "Let a streak freeze save your streak.", "freezes_used", 1),
        *_tier_trophies(rules),
        Trophy("meals_100", "🥗", "Hundred meals", "Log 100 meals.", "meals", 100),
        Trophy("meals_1000", "🏛️", "Thousand meals", "Log 1,000 meals.", "meals", 1000),
        Trophy("won_100", "🎯", "Centurion", "Win 100 days in total.", "won_days", 100),
        Trophy("weight_1", "⚖️", "First kilo", "Weigh 1 kg less than at the start.", "weight_lost_kg", 1),
        Trophy("weight_5", "⚖️", "Five down", "Weigh 5 kg less than at the start.", "weight_lost_kg", 5),
        Trophy("weight_10", "⚖️", "Ten down", "Weigh 10 kg less than at the start.", "weight_lost_kg", 10),
        Trophy("bmi_better", "❤️", "Healthier range", "Move a BMI category closer to normal.", "bmi_steps_improved", 1),
        Trophy("league_up", "⬆️", "Promoted", "Move up a weekly group league.", "league_promotions", 1),
        Trophy("league_podium", "🏆", "Podium", "Finish a weekly league week in the top 3.", "league_podiums", 1),
    )


def newly_unlocked(stats: StatsSnapshot, unlocked: set[str] | frozenset[str], rules: GameRules) -> list[Trophy]:
    """Trophies whose condition ``stats`` meets and that are not unlocked yet, in catalogue order."""
    return [t for t in catalogue(rules) if t.code not in unlocked and stats.metric(t.metric) >= t.threshold]
