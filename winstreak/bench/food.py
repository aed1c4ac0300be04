"""``winstreak bench search``: import N products, load the index, time typo'd queries, report figures."""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from core.food.normalize import fold
from core.food.search import search
from storage.engine import make_engine
from storage.food.catalog import SqlFoodCatalog
from storage.food.index_cache import load_cached, save_cached
from storage.food.tables import FoodRow
from storage.food_import.pipeline import import_file
from storage.migrate import upgrade
from winstreak.bench.food_corpus import expanded, make_queries, read_sample, write_export


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class BenchResult:
    """The figures printed by the benchmark."""

    db: str
    products: int
    queries: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    top1: float
    top3: float
    load_s: float
    import_rows_per_s: float
    index_s: float
    index_mb: float
    indexed_docs: int
    index_p50_ms: float
    index_p95_ms: float
    cpu_p50_ms: float
    cpu_p95_ms: float
    load_average: float
    cache_load_s: float

    def json(self) -> dict[str, Any]:
        """The figures as one JSON object."""
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def _quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1] if len(values) > 1 else values[0]


async def run_bench(sample_path: Path, products: int, queries: int, db_url: str | None, work: Path) -> BenchResult:
    """Import, index, query; every figure measured here."""
    sample = read_sample(sample_path)
    export = work / "bench_products.tsv.gz"
    write_export(expanded(sample, products), export)
    url = db_url or f"sqlite+aiosqlite:///{work / 'bench.db'}"
    engine = make_engine(url)
    try:
        await upgrade(engine)
        summary = await import_file(engine, export, progress=False)
        async with engine.connect() as conn:
            stored = int(await conn.scalar(select(func.count()).select_from(FoodRow)) or 0)
        before = rss_mb()
        catalog = SqlFoodCatalog(engine)
        started = time.perf_counter()
        await catalog.refresh()
        index_s = time.perf_counter() - started
        index_mb = rss_mb() - before
        save_cached(work / "cache", "bench", catalog.index)
        started = time.perf_counter()
        load_cached(work / "cache", "bench")
        cache_s = time.perf_counter() - started
        asked = make_queries(sample[:products], queries)
        await catalog.search("warm up", 3)
        times: list[float] = []
        cpu_times: list[float] = []
        memory_times: list[float] = []
        top1 = top3 = 0
        for query in asked:
            t0 = time.perf_counter()
            search(catalog.index, query.text, 3)
            memory_times.append((time.perf_counter() - t0) * 1000)
            t0, c0 = time.perf_counter(), time.process_time()
            matches = await catalog.search(query.text, 3)
            times.append((time.perf_counter() - t0) * 1000)
            cpu_times.append((time.process_time() - c0) * 1000)
            names = [fold(m.food.name) for m in matches]
            top1 += bool(names) and names[0] == query.target
            top3 += query.target in names
        await catalog.aclose()
    finally:
        await engine.dispose()
    return BenchResult(
        engine.dialect.name, stored, len(asked), statistics.median(times), _quantile(times, 0.95),
        _quantile(times, 0.99), top1 / len(asked), top3 / len(asked), summary.seconds, summary.rate, index_s,
        index_mb, catalog.size, statistics.median(memory_times), _quantile(memory_times, 0.95),
        statistics.median(cpu_times), _quantile(cpu_times, 0.95), os.getloadavg()[0], cache_s,
    )  # fmt: skip


def bench(sample_path: Path, products: int, queries: int, db_url: str | None) -> BenchResult:
    """Run the benchmark in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="winstreak-bench-") as work:
        return asyncio.run(run_bench(sample_path, products, queries, db_url, Path(work)))
