"""Opening an import file as text, transparently gunzipped, while counting the raw bytes read for progress."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import IO


class CountingFile(io.RawIOBase):
    """A read-only binary file that remembers how many bytes were read from it."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("rb")
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = self._file.readinto(buffer)
        self.count += n or 0
        return n or 0

    def close(self) -> None:
        self._file.close()
        super().close()


def is_gzip(path: Path) -> bool:
    """Whether the file starts with the gzip magic bytes."""
    with path.open("rb") as f:
        return f.read(2) == b"\x1f\x8b"


def open_text(path: Path) -> tuple[IO[str], CountingFile]:
    """A text stream over ``path`` (gzip or plain UTF-8, undecodable bytes replaced) and its byte counter."""
    raw = CountingFile(path)
    buffered = io.BufferedReader(raw, buffer_size=1 << 20)
    binary: IO[bytes] = (
        gzip.GzipFile(fileobj=buffered, mode="rb") if is_gzip(path) else buffered  # type: ignore[assignment]
    )
    return io.TextIOWrapper(binary, encoding="utf-8", errors="replace", newline=""), raw
