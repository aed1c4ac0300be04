"""``winstreak bench closeout`` on both databases: generated meals are consistent and every user's day closes."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy import text
from typer.testing import CliRunner

from storage.engine import make_engine
from winstreak.bench.cli import app
from winstreak.bench.closeout import CLOSED_DAY


async def _query(url: str, sql: str) -> int:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text(sql))).scalar_one())
    finally:
        await engine.dispose()


def _scalar(url: str, sql: str) -> int:
    return asyncio.run(_query(url, sql))


def test_bench_closeout_closes_every_generated_user(db_url: str) -> None:
    result = CliRunner().invoke(app, ["closeout", "--users", "300", "--db", db_url, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["users"] == 300 and figures["closed"] == 300
    assert figures["meals"] > 300 * 7 * 2 * 0.8 and figures["trophies"] > 0 and figures["rank_changes"] > 0
    assert figures["closeout_s"] > 0 and figures["setup_s"] > 0
    # every meal's stored total is the sum of its items, and the close-out added up exactly those
    wrong_totals = (
        "SELECT COUNT(*) FROM meals m WHERE ABS(m.kcal - (SELECT SUM(i.kcal) FROM meal_items i"
        " WHERE i.meal_id = m.id)) > 0.001"
    )
    assert _scalar(db_url, wrong_totals) == 0
    day = CLOSED_DAY.isoformat()
    mismatched = (
        f"SELECT COUNT(*) FROM day_results d WHERE d.day = '{day}' AND ABS(d.kcal - COALESCE((SELECT SUM(i.kcal)"
        f" FROM meals m JOIN meal_items i ON i.meal_id = m.id WHERE m.user_id = d.user_id AND m.local_day = '{day}'),"
        " 0)) > 0.001"
    )
    assert _scalar(db_url, mismatched) == 0
    results = f"SELECT COUNT(DISTINCT result) FROM day_results WHERE day = '{day}'"
    assert _scalar(db_url, results) == 4  # won, lost, under and missed all occur
