"""The size cap on photos and voice notes people send, the same on every platform (the Bot API's 20 MB)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024


class FileTooLarge(Exception):
    """The attachment is over :data:`MAX_DOWNLOAD_BYTES`; the adapter answers with a "too large" reply."""


async def capped_download(name: str, size: int | None, fetch: Callable[[], Awaitable[bytes]]) -> bytes:
    """``fetch()``'s bytes, refused when over the cap.

    Checked before downloading against the ``size`` the platform states, and after against the bytes
    (a size not stated, or stated wrongly).
    """
    if size is not None and size > MAX_DOWNLOAD_BYTES:
        raise FileTooLarge(name)
    data = await fetch()
    if len(data) > MAX_DOWNLOAD_BYTES:
        raise FileTooLarge(name)
    return data
