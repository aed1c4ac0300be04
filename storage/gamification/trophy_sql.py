"""Trophy unlocking in SQL: the catalogue of core.rules.trophies turned into INSERT … SELECT statements.

One statement per metric, each joining the users closed on the day with that metric's thresholds;
``ON CONFLICT DO NOTHING`` on (user_id, code) keeps every trophy unlocked once, with its first day.
"""

from __future__ import annotations

from collections import defaultdict

from core.rules.game_rules import GameRules
from core.rules.trophies import METRICS, Trophy, catalogue
from storage.gamification.target_sql import bmi_distance_sql

DERIVED = {
    "weight_lost_kg": "(CASE WHEN s.start_weight_kg IS NOT NULL AND u.weight_kg IS NOT NULL"
    " THEN s.start_weight_kg - u.weight_kg ELSE 0 END)",
    "bmi_steps_improved": f"(s.start_bmi_distance - {bmi_distance_sql('u')})",
}


_USERS_JOIN = " JOIN users u ON u.id = s.user_id"


def metric_sql(metric: str) -> str:
    """The SQL of one trophy metric over ``user_stats s`` joined with ``users u``."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric}")
    return DERIVED.get(metric, f"s.{metric}")


def _thresholds(trophies: list[Trophy]) -> str:
    rows = [f"SELECT '{t.code}' AS code, {float(t.threshold)!r} AS threshold" for t in trophies]
    return " UNION ALL ".join(rows)


def trophy_inserts(rules: GameRules, where: str) -> list[str]:
    """One INSERT per metric for the ``user_stats s`` rows matching ``where`` (binds ``:day`` as the date)."""
    by_metric: dict[str, list[Trophy]] = defaultdict(list)
    for trophy in catalogue(rules):
        by_metric[trophy.metric].append(trophy)
    return [
        "INSERT INTO trophies (user_id, code, unlocked_on)"
        f" SELECT s.user_id, t.code, :day FROM user_stats s{_USERS_JOIN if metric in DERIVED else ''}"
        f" JOIN ({_thresholds(trophies)}) t ON {metric_sql(metric)} >= t.threshold"
        f" WHERE {where} ON CONFLICT (user_id, code) DO NOTHING"
        for metric, trophies in by_metric.items()
    ]
