"""Scoring the offline estimator against meal descriptions with known energy (``winstreak bench estimate``).

Figures per source and overall: median absolute percentage error, share within ±20 %, shares off by more
than 50 % and 100 %, MAE in kcal; and the ten worst rows with their items, so the cause of a miss is visible.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.ports import MealEstimator


@dataclass(frozen=True, slots=True)
class Case:
    """One description, its true energy and where it comes from."""

    text: str
    kcal: float
    source: str


@dataclass(frozen=True, slots=True)
class Result:
    """A case, the estimator's total and its items as (name, grams, kcal)."""

    case: Case
    estimate: float
    items: tuple[tuple[str, float, float], ...] = ()

    @property
    def ape(self) -> float:
        """Absolute error as a fraction of the true energy."""
        return abs(self.estimate - self.case.kcal) / self.case.kcal


class BadBenchFile(ValueError):
    """The benchmark file cannot be read; the message names the line."""


def read_cases(path: Path, limit: int | None = None) -> list[Case]:
    """Cases of a JSON-lines file with ``text``, ``kcal`` and optional ``source`` on each line."""
    cases: list[Case] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                case = Case(str(row["text"]), float(row["kcal"]), str(row.get("source", "all")))
            except (ValueError, KeyError, TypeError) as err:
                raise BadBenchFile(f'{path}:{number}: expected {{"text", "kcal"}}: {err}') from None
            if case.kcal <= 0:
                raise BadBenchFile(f"{path}:{number}: kcal must be positive")
            cases.append(case)
            if limit is not None and len(cases) >= limit:
                break
    return cases


async def run_cases(estimator: MealEstimator, cases: Sequence[Case], language: str = "en") -> list[Result]:
    """The estimator's total and items for each case, in order."""
    results = []
    for case in cases:
        estimate = await estimator.from_text(case.text, language)
        items = tuple((i.name, i.grams, i.kcal) for i in estimate.items)
        results.append(Result(case, estimate.total_kcal, items))
    return results


def figures(results: Sequence[Result]) -> dict[str, Any]:
    """Median APE and share within ±20 % (fractions), MAE (kcal) and count."""
    if not results:
        return {"n": 0, "median_ape": None, "within_20": None, "off_50": None, "off_100": None, "mae_kcal": None}
    apes = [r.ape for r in results]
    return {
        "n": len(results),
        "median_ape": round(statistics.median(apes), 4),
        "within_20": round(sum(a <= 0.2 for a in apes) / len(apes), 4),
        "off_50": round(sum(a > 0.5 for a in apes) / len(apes), 4),
        "off_100": round(sum(a > 1.0 for a in apes) / len(apes), 4),
        "mae_kcal": round(statistics.fmean(abs(r.estimate - r.case.kcal) for r in results), 1),
    }


def worst(results: Sequence[Result], n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` rows with the largest relative error: text, truth, estimate and items with grams."""
    rows = sorted(results, key=lambda r: -r.ape)[:n]
    return [
        {
            "text": r.case.text,
            "source": r.case.source,
            "kcal": r.case.kcal,
            "estimate": round(r.estimate, 1),
            "ape": round(r.ape, 4),
            "items": [{"name": name, "grams": grams, "kcal": kcal} for name, grams, kcal in r.items],
        }
        for r in rows
    ]


def summary(results: Sequence[Result]) -> dict[str, Any]:
    """Overall figures plus ``by_source``."""
    sources = sorted({r.case.source for r in results})
    by_source = {s: figures([r for r in results if r.case.source == s]) for s in sources}
    return {**figures(results), "by_source": by_source, "worst": worst(results)}
