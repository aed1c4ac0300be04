"""Trophy unlocking in SQL: the catalogue of core.rules.trophies turned into INSERT … SELECT statements.

:func:`crossing_inserts` is what the close-out runs: it reads only the day's ``day_results`` rows and
unlocks a trophy when its metric crossed the threshold that day (before < threshold ≤ after), so an
established user costs nothing for trophies they hold. Weight and BMI trophies are looked at for users
who weighed in that day; league trophies are given when a league week ends. :func:`full_inserts`
evaluates every trophy from ``user_stats`` (a catch-up, e.g. after rule settings change).
``ON CONFLICT DO NOTHING`` on (user_id, code) keeps every trophy unlocked once, with its first day.
"""

from __future__ import annotations

from collections import defaultdict

from core.rules.game_rules import GameRules
from core.rules.trophies import METRICS, Trophy, catalogue
from storage.gamification.closeout_sql import COUNTERS
from storage.gamification.target_sql import bmi_distance_sql

DERIVED = {
    "weight_lost_kg": "(CASE WHEN s.start_weight_kg IS NOT NULL AND u.weight_kg IS NOT NULL"
    " THEN s.start_weight_kg - u.weight_kg ELSE 0 END)",
    "bmi_steps_improved": f"(s.start_bmi_distance - {bmi_distance_sql('u')})",
}
# metric -> (value after the day, value before it), over ``day_results d``
CROSSING = {
    **{metric: (f"d.total_{metric}", f"d.total_{metric} - d.{inc}") for metric, inc in COUNTERS.items()},
    "best_streak": ("d.streak", "d.streak - d.won"),
    "best_rp": ("d.rp", "d.rp_before"),
}
LEAGUE_METRICS = ("league_promotions", "league_podiums")
_USERS_JOIN = " JOIN users u ON u.id = s.user_id"
_INSERT = "INSERT INTO trophies (user_id, code, unlocked_on)"
_CONFLICT = " ON CONFLICT (user_id, code) DO NOTHING"


def metric_sql(metric: str) -> str:
    """The SQL of one trophy metric over ``user_stats s`` joined with ``users u``."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric}")
    return DERIVED.get(metric, f"s.{metric}")


def _thresholds(trophies: list[Trophy]) -> str:
    rows = [f"SELECT '{t.code}' AS code, {float(t.threshold)!r} AS threshold" for t in trophies]
    return " UNION ALL ".join(rows)


def _by_metric(rules: GameRules) -> dict[str, list[Trophy]]:
    grouped: dict[str, list[Trophy]] = defaultdict(list)
    for trophy in catalogue(rules):
        grouped[trophy.metric].append(trophy)
    return grouped


def full_inserts(rules: GameRules, where: str) -> list[str]:
    """One INSERT per metric for the ``user_stats s`` rows matching ``where`` (binds ``:day`` as the date)."""
    return [
        f"{_INSERT} SELECT s.user_id, t.code, :day FROM user_stats s{_USERS_JOIN if metric in DERIVED else ''}"
        f" JOIN ({_thresholds(trophies)}) t ON {metric_sql(metric)} >= t.threshold WHERE {where}{_CONFLICT}"
        for metric, trophies in _by_metric(rules).items()
    ]


def _whole(threshold: float) -> int:
    if threshold != int(threshold):
        raise ValueError(f"counter thresholds must be whole numbers, not {threshold}")
    return int(threshold)


def _case(values: dict[str, str]) -> str:
    # Metrics are numbered: comparing integers is several times cheaper than comparing text per row.
    return "CASE t.metric " + " ".join(f"WHEN {n} THEN {v}" for n, v in enumerate(values.values())) + " END"


def crossing_inserts(rules: GameRules, part_d: str = "", part_s: str = "") -> list[str]:
    """The close-out's trophy statements for the day bound as ``:day`` (``part_*``: one slice of users).

    All threshold metrics in one pass over the day's results (CTE ``thresholds``, a small table, joined on
    the rows of CTE ``crossed``, those where a threshold was crossed), then one statement per weight metric
    for the users who weighed in that day.
    """
    grouped = _by_metric(rules)
    unknown = set(grouped) - set(CROSSING) - set(DERIVED) - set(LEAGUE_METRICS)
    if unknown:
        raise ValueError(f"no close-out rule for trophy metrics {sorted(unknown)}")
    rows = " UNION ALL ".join(
        f"SELECT {n} AS metric, '{t.code}' AS code, {_whole(t.threshold)} AS threshold"
        for n, metric in enumerate(CROSSING)
        for t in grouped.get(metric, [])
    )
    after = _case({m: a for m, (a, _) in CROSSING.items()})
    before = _case({m: b for m, (_, b) in CROSSING.items()})
    # The rows where some threshold was crossed, found with constant comparisons, before the join
    # looks up which trophies those were: most days cross nothing.
    crossed = " OR ".join(
        f"({b} < {_whole(t.threshold)} AND {a} >= {_whole(t.threshold)})"
        for metric, (a, b) in CROSSING.items()
        for t in grouped.get(metric, [])
    )
    out = [
        f"WITH thresholds AS MATERIALIZED ({rows}), crossed AS MATERIALIZED (SELECT * FROM day_results d"
        f" WHERE d.day = :day {part_d} AND ({crossed or 'false'}))"
        f" {_INSERT} SELECT d.user_id, t.code, :day FROM crossed d JOIN thresholds t"
        f" ON {after} >= t.threshold AND {before} < t.threshold{_CONFLICT}"
    ]
    for metric in DERIVED:
        if metric in grouped:
            out.append(
                f"{_INSERT} SELECT s.user_id, t.code, :day FROM user_stats s{_USERS_JOIN}"
                f" JOIN ({_thresholds(grouped[metric])}) t ON {metric_sql(metric)} >= t.threshold"
                f" WHERE s.last_closed_day = :day {part_s} AND s.user_id IN (SELECT w.user_id FROM weights w"
                f" WHERE w.local_day = :day){_CONFLICT}"
            )
    return out
