"""Test helper: a small world of users and meals written straight into a real database, plus the Python oracle."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.profile import Activity, GoalKind, Profile, Sex
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.rules.player import DayTally, PlayerStats, close
from core.rules.trophies import newly_unlocked
from storage.models import MealItemRow, MealRow, UserRow, WeightRow

KINDS = ("text", "text", "photo", "voice", "barcode")


def random_profile(rng: random.Random) -> Profile:
    return Profile(
        sex=rng.choice(list(Sex)),
        birth_year=rng.randint(1950, 2005),
        height_cm=round(rng.uniform(150, 200), rng.choice((0, 1, 2))),
        weight_kg=round(rng.uniform(50, 130), rng.choice((0, 1))),
        activity=rng.choice(list(Activity)),
        goal=rng.choice(list(GoalKind)),
        rate_kg_per_week=rng.choice((0.0, 0.25, 0.5, 0.75, 1.0)),
    )


@dataclass
class Player:
    """One simulated user and the oracle's view of them."""

    user_id: int
    profile: Profile
    timezone: str = "UTC"
    stats: PlayerStats = field(default_factory=PlayerStats)
    trophies: dict[str, date] = field(default_factory=dict)
    results: dict[date, str] = field(default_factory=dict)


async def add_user(engine: AsyncEngine, user_id: int, profile: Profile, timezone: str = "UTC") -> None:
    values = {
        "id": user_id, "display_name": f"u{user_id}", "sex": profile.sex, "birth_year": profile.birth_year,
        "height_cm": profile.height_cm, "weight_kg": profile.weight_kg, "activity": profile.activity,
        "goal": profile.goal, "rate_kg_per_week": profile.rate_kg_per_week, "goal_weight_kg": None,
        "timezone": timezone, "language": "en", "active": True, "created_at": datetime(2026, 1, 1, tzinfo=UTC),
    }  # fmt: skip
    async with engine.begin() as conn:
        await conn.execute(insert(UserRow), [values])


async def set_weight(engine: AsyncEngine, user_id: int, weight_kg: float, day: date) -> None:
    """A weigh-in, as the weight use case stores it: the history row and the profile's weight."""
    async with engine.begin() as conn:
        await conn.execute(update(UserRow).where(UserRow.id == user_id).values(weight_kg=weight_kg))
        moment = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=7)
        row = {"user_id": user_id, "weight_kg": weight_kg, "measured_at": moment, "local_day": day}
        await conn.execute(insert(WeightRow), [row])


async def add_meal(engine: AsyncEngine, user_id: int, day: date, kcals: list[float], kind: str = "text") -> None:
    async with engine.begin() as conn:
        meal_id = (
            await conn.execute(
                insert(MealRow).returning(MealRow.id),
                [{"user_id": user_id, "eaten_at": datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=12),
                  "local_day": day, "description": "", "input_kind": kind, "kcal": sum(kcals)}],
            )
        ).scalar_one()  # fmt: skip
        items = [
            {"meal_id": meal_id, "position": n, "name": "food", "grams": 100.0, "kcal": k, "protein_g": 0.0,
             "carbs_g": 0.0, "fat_g": 0.0, "source": "manual", "low_kcal": k, "high_kcal": k, "food_id": None}
            for n, k in enumerate(kcals)
        ]  # fmt: skip
        await conn.execute(insert(MealItemRow), items)


def oracle_close(player: Player, day: date, tally: DayTally, rules: GameRules) -> None:
    """What the Python rule book says closing ``day`` does to ``player``."""
    p = player.profile
    target = daily_target(p, day.year).kcal
    outcome = close(player.stats, day, tally, target, rules, p.weight_kg, p.height_cm)
    player.stats = outcome.stats
    player.results[day] = outcome.result.value
    snapshot = outcome.stats.snapshot(p.weight_kg, p.height_cm)
    for trophy in newly_unlocked(snapshot, set(player.trophies), rules):
        player.trophies[trophy.code] = day
