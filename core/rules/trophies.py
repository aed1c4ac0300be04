"""Trophies: each a threshold on one metric of a user's stats, so Python and SQL evaluate the same table.

:data:`TROPHIES` is the catalogue; :func:`newly_unlocked` is the pure evaluation from a snapshot.
The set-based close-out turns the same rows into ``INSERT … SELECT … WHERE metric >= threshold``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from core.rules.game_rules import GameRules
from core.rules.ranks import LEGEND_STEP, Tier, step_floor
from core.text import N_


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
    """One trophy: unlocked the first time ``metric >= threshold``; name and condition are message templates."""

    code: str
    emoji: str
    name: str
    condition: str
    metric: str
    threshold: float
    params: tuple[tuple[str, object], ...] = ()

    @property
    def title(self) -> str:
        """The English name with its values filled in."""
        return self.name.format(**dict(self.params))

    @property
    def rule(self) -> str:
        """The English condition with its values filled in."""
        return self.condition.format(**dict(self.params))


def _tier_trophies(rules: GameRules) -> list[Trophy]:
    out = []
    for tier in list(Tier)[1:]:
        step = LEGEND_STEP if tier is Tier.LEGEND else tier.value * 3
        floor = step_floor(step, rules)
        out.append(
            Trophy(
                f"tier_{tier.name.lower()}",
                "🏅",
                N_("{tier} reached"),
                N_("Reach {tier}."),
                "best_rp",
                floor,
                (("tier", tier.title),),
            )
        )
    return out


INSTANT: dict[str, tuple[str, ...]] = {
    "text": ("first_meal",),
    "photo": ("first_meal", "first_photo"),
    "voice": ("first_meal", "first_voice"),
    "barcode": ("first_meal", "first_barcode"),
}
"""Trophies a saved meal earns at once, by its input kind; they are announced then, not again by the close-out."""
INSTANT_CODES = frozenset(code for codes in INSTANT.values() for code in codes)


def catalogue(rules: GameRules) -> tuple[Trophy, ...]:
    """All trophies, in display order (tier thresholds follow the RP settings)."""
    streaks = [
        Trophy(f"streak_{n}", "🔥", N_("{n}-day streak"), N_("Reach a {n}-day streak."), "best_streak", n, (("n", n),))
        for n in (3, 7, 30, 100, 365)
    ]
    return (
        Trophy("first_meal", "🍽️", N_("First bite"), N_("Log your first meal."), "meals", 1),
        Trophy("first_photo", "📸", N_("Snapshot"), N_("Log a meal from a photo."), "photo_meals", 1),
        Trophy("first_voice", "🎙️", N_("Say it"), N_("Log a meal by voice."), "voice_meals", 1),
        Trophy("first_barcode", "🏷️", N_("Scanner"), N_("Log a meal from a barcode."), "barcode_meals", 1),
        Trophy("first_win", "✅", N_("First win"), N_("Win your first day."), "won_days", 1),
        *streaks,
        Trophy(
            "perfect_week", "🌟", N_("Perfect week"), N_("Win every day from Monday to Sunday."), "perfect_weeks", 1
        ),
        Trophy("comeback", "💪", N_("Comeback"), N_("Win a day after 3 or more days without a win."), "comebacks", 1),
        Trophy(
            "freeze_saved", "🧊", N_("Saved by ice"), N_("Let a streak freeze save your streak."), "freezes_used", 1
        ),
        *_tier_trophies(rules),
        Trophy("meals_100", "🥗", N_("Hundred meals"), N_("Log 100 meals."), "meals", 100),
        Trophy("meals_1000", "🏛️", N_("Thousand meals"), N_("Log 1,000 meals."), "meals", 1000),
        Trophy("won_100", "🎯", N_("Centurion"), N_("Win 100 days in total."), "won_days", 100),
        Trophy("weight_1", "⚖️", N_("First kilo"), N_("Weigh 1 kg less than at the start."), "weight_lost_kg", 1),
        Trophy("weight_5", "⚖️", N_("Five down"), N_("Weigh 5 kg less than at the start."), "weight_lost_kg", 5),
        Trophy("weight_10", "⚖️", N_("Ten down"), N_("Weigh 10 kg less than at the start."), "weight_lost_kg", 10),
        Trophy(
            "bmi_better",
            "❤️",
            N_("Healthier range"),
            N_("Move a BMI category closer to normal."),
            "bmi_steps_improved",
            1,
        ),
        Trophy("league_up", "⬆️", N_("Promoted"), N_("Move up a weekly group league."), "league_promotions", 1),
        Trophy(
            "league_podium", "🏆", N_("Podium"), N_("Finish a weekly league week in the top 3."), "league_podiums", 1
        ),
    )


def newly_unlocked(stats: StatsSnapshot, unlocked: set[str] | frozenset[str], rules: GameRules) -> list[Trophy]:
    """Trophies whose condition ``stats`` meets and that are not unlocked yet, in catalogue order."""
    return [t for t in catalogue(rules) if t.code not in unlocked and stats.metric(t.metric) >= t.threshold]
