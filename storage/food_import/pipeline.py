"""The import loop: read a file as a stream, check each row, upsert in batches, show progress, summarise.

Memory stays constant (a few batches at a time); importing the same file twice updates rows in place.
Large files are parsed in a helper process while this one writes (see ``batches``).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from tqdm import tqdm

from storage.food.index_cache import stamp_version
from storage.food.writer import upsert_foods
from storage.food_import import formats
from storage.food_import.batches import Batch, ProcessReader, read_batches, total_of, worth_a_process

BATCH = 5000
PARALLEL_FROM_BYTES = 4_000_000


@dataclass
class ImportSummary:
    """What an import did: rows read, written and skipped by reason, and how long it took."""

    path: str
    format: str
    read: int = 0
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Rows read per second."""
        return self.read / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        """A human summary."""
        out = [
            f"Imported {self.written:,} foods from {self.read:,} rows of {self.path} ({self.format}) "
            f"in {self.seconds:.1f} s ({self.rate:,.0f} rows/s).",
            f"Skipped {sum(self.skipped.values()):,} rows" + (":" if self.skipped else "."),
        ]
        out += [f"  {reason}: {count:,}" for reason, count in self.skipped.most_common()]
        return out


async def import_file(
    engine: AsyncEngine, path: Path, *, progress: bool = True, batch: int = BATCH, parallel: bool | None = None
) -> ImportSummary:
    """Import ``path`` (any format :func:`formats.detect` knows) into the ``foods`` table."""
    kind = formats.detect(path)
    summary = ImportSummary(str(path), kind)
    started = time.perf_counter()
    total, unit = total_of(path, kind)
    if parallel is None:
        parallel = worth_a_process(path, PARALLEL_FROM_BYTES)
    bar = tqdm(total=total or None, unit=unit, unit_scale=True, disable=not progress, desc="import", smoothing=0.1)
    reader = ProcessReader(path, kind, batch) if parallel else None
    local: Iterator[Batch] | None = None if parallel else read_batches(path, kind, batch)
    done = 0
    try:
        while True:
            if reader is not None:
                item = await asyncio.to_thread(reader.next_batch)
            else:
                assert local is not None
                item = next(local, None)
            if item is None:
                break
            summary.read += item.read
            summary.skipped.update(item.skipped)
            summary.written += await _write(engine, item.records)
            bar.update(item.position - done)
            done = item.position
    finally:
        bar.close()
        if reader is not None:
            reader.close()
    if summary.written:
        async with engine.begin() as conn:
            await stamp_version(conn)
    summary.seconds = time.perf_counter() - started
    return summary


async def _write(engine: AsyncEngine, records: list[dict[str, Any]]) -> int:
    if not records:
        return 0
    async with engine.begin() as conn:
        return await upsert_foods(conn, records)
