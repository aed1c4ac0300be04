"""Reading a file into checked batches, in this process or in a helper process for large files.

The helper process parses and checks rows while this one writes the previous batch, so both cores
of a small machine work; batches cross over a bounded queue, so memory stays constant.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.food_import import formats
from storage.food_import.off_jsonl import read_off_jsonl
from storage.food_import.off_parquet import parquet_rows, read_off_parquet
from storage.food_import.off_tsv import read_off_tsv
from storage.food_import.records import RawFood, to_record
from storage.food_import.sources import CountingFile, open_text
from storage.food_import.usda import read_fdc_folder, read_sr

QUEUE_DEPTH = 4


@dataclass
class Batch:
    """Checked records, rows read and skipped since the previous batch, and progress so far."""

    records: list[dict[str, Any]] = field(default_factory=list)
    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    position: int = 0


def worth_a_process(path: Path, threshold: int) -> bool:
    """Whether a file is big enough for a helper process to pay off."""
    return path.is_dir() or path.stat().st_size >= threshold


def total_of(path: Path, kind: str) -> tuple[int, str]:
    """The progress total and its unit: compressed bytes for text files, rows for parquet."""
    if kind == formats.OFF_PARQUET:
        return parquet_rows(path), "rows"
    if kind == formats.USDA_FDC:
        return 0, "rows"
    return path.stat().st_size, "B"


def _raw_rows(path: Path, kind: str) -> tuple[Iterator[RawFood | None], CountingFile | None]:
    if kind == formats.OFF_PARQUET:
        return read_off_parquet(path), None
    if kind == formats.USDA_FDC:
        return read_fdc_folder(path), None
    stream, counter = open_text(path)
    readers = {formats.OFF_TSV: read_off_tsv, formats.OFF_JSONL: read_off_jsonl, formats.USDA_SR: read_sr}
    return readers[kind](stream), counter


def read_batches(path: Path, kind: str, size: int) -> Iterator[Batch]:
    """Checked batches of at most ``size`` records; the last one may be empty."""
    rows, counter = _raw_rows(path, kind)
    batch = Batch()
    read = 0
    try:
        for raw in rows:
            read += 1
            batch.read += 1
            record, reason = (None, "malformed") if raw is None else to_record(raw)
            if record is None:
                batch.skipped[reason] += 1
                continue
            batch.records.append(record)
            if len(batch.records) >= size:
                batch.position = counter.count if counter is not None else read
                yield batch
                batch = Batch()
        batch.position = counter.count if counter is not None else read
        yield batch
    finally:
        if counter is not None:
            counter.close()


def _produce(path: Path, kind: str, size: int, out: multiprocessing.Queue[Batch | BaseException | None]) -> None:
    try:
        for batch in read_batches(path, kind, size):
            out.put(batch)
        out.put(None)
    except BaseException as err:  # handed to the parent, which raises it
        out.put(err)


class ProcessReader:
    """Runs :func:`read_batches` in a helper process; iterate with :meth:`next_batch` (blocking)."""

    def __init__(self, path: Path, kind: str, size: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._queue: multiprocessing.Queue[Batch | BaseException | None] = context.Queue(QUEUE_DEPTH)
        self._process = context.Process(target=_produce, args=(path, kind, size, self._queue), daemon=True)
        self._process.start()

    def next_batch(self) -> Batch | None:
        """The next batch, or None at the end; re-raises the helper's error."""
        while True:
            try:
                item = self._queue.get(timeout=1.0)
            except queue.Empty:
                if not self._process.is_alive():
                    raise RuntimeError("the import reader process died") from None
                continue
            if isinstance(item, BaseException):
                raise item
            return item

    def close(self) -> None:
        """Stop the helper process."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)
