"""Every number of the gamification rule book in one frozen settings object (defaults from issue 5).

The composition root builds it from ``WINSTREAK_GAME_*`` settings; tests use the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GameRules:
    """Rule settings; each field is one number a user can read in /rules."""

    min_share: float = 0.60
    """A day with intake below this share of the target is UNDER, not WON."""
    tolerance: float = 0.00
    """Intake up to target × (1 + tolerance) still wins."""
    grace_minutes: int = 180
    """A day closes this long after local midnight of the next day (03:00 by default)."""
    freeze_every: int = 7
    """One streak freeze is earned per this many consecutive won days."""
    max_freezes: int = 2
    """At most this many freezes are held."""
    rp_per_division: int = 100
    rp_won: int = 20
    rp_streak_step: int = 5
    """+1 RP bonus per this many streak days on a won day."""
    rp_streak_bonus_max: int = 10
    rp_lost: int = -25
    rp_under: int = -10
    rp_missed: int = -15
    shield_days: int = 1
    """Days of demotion shield granted by a promotion."""
    league_up_share: float = 0.20
    league_down_share: float = 0.20
    league_min_members: int = 3
    """Leagues with fewer opted-in members than this see no movement."""
    league_count: int = 5

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_share <= 1.0:
            raise ValueError("min_share must be between 0 and 1")
        if not 0.0 <= self.tolerance <= 1.0:
            raise ValueError("tolerance must be between 0 and 1")
        if not 0 <= self.grace_minutes <= 24 * 60:
            raise ValueError("grace_minutes must be between 0 and 1440")
        if self.freeze_every < 1 or self.max_freezes < 0 or self.rp_per_division < 1 or self.rp_streak_step < 1:
            raise ValueError("freeze_every, rp_per_division and rp_streak_step must be positive")
        if self.rp_won < 0 or min(-self.rp_lost, -self.rp_under, -self.rp_missed) < 0:
            raise ValueError("rp_won must be ≥ 0 and the penalties ≤ 0")
        if not (0 <= self.league_up_share <= 0.5 and 0 <= self.league_down_share <= 0.5):
            raise ValueError("league shares must be between 0 and 0.5")
        if self.league_count < 1 or self.league_min_members < 2 or self.shield_days < 0:
            raise ValueError("league_count ≥ 1, league_min_members ≥ 2, shield_days ≥ 0")


DEFAULT_RULES = GameRules()
