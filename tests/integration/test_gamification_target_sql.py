"""The SQL daily target and BMI distance equal the Python ones (core.rules.energy / player) on both databases."""

from __future__ import annotations

import dataclasses
import random

from sqlalchemy import text

from core.model.profile import Activity, GoalKind, Profile, Sex
from core.rules.energy import daily_target
from core.rules.player import bmi_distance
from storage.engine import make_engine
from storage.gamification.target_sql import bmi_distance_sql, target_sql
from tests.integration.gamification_world import add_user, random_profile


async def test_sql_target_equals_python_target(db_url: str) -> None:
    engine = make_engine(db_url)
    rng = random.Random(17)
    profiles = {n: random_profile(rng) for n in range(1, 401)}
    # Exact halves: Python rounds ties to even (1612.5 -> 1612, 1627.5 -> 1628); SQL must too.
    tie = Profile(Sex.MALE, 2000, 155.0, 50.0, Activity.SEDENTARY, GoalKind.LOSE, 0.0)
    profiles[401], profiles[402] = tie, dataclasses.replace(tie, height_cm=157.0)
    assert (daily_target(profiles[401], 2026).kcal, daily_target(profiles[402], 2026).kcal) == (1612, 1628)
    try:
        for n, profile in profiles.items():
            await add_user(engine, n, profile)
        query = f"SELECT u.id, {target_sql('u', 2026, engine.dialect.name)}, {bmi_distance_sql('u')} FROM users u"
        async with engine.connect() as conn:
            rows = (await conn.execute(text(query))).all()
    finally:
        await engine.dispose()
    assert len(rows) == len(profiles)
    for user_id, kcal, distance in rows:
        profile = profiles[user_id]
        assert kcal == daily_target(profile, 2026).kcal, profile
        assert distance == bmi_distance(profile.weight_kg, profile.height_cm), profile
    assert len({kcal for _, kcal, _ in rows}) > 300  # the profiles really differ
