"""The shared download cap: refused before fetching when the stated size is over it, and after when the bytes are."""

from __future__ import annotations

import pytest

from bots.common.downloads import MAX_DOWNLOAD_BYTES, FileTooLarge, capped_download


class Source:
    """Bytes to fetch, counting the fetches."""

    def __init__(self, size: int) -> None:
        self.data = b"x" * size
        self.fetches = 0

    async def fetch(self) -> bytes:
        self.fetches += 1
        return self.data


async def test_a_stated_size_over_the_cap_is_refused_without_downloading() -> None:
    source = Source(10)
    with pytest.raises(FileTooLarge, match=r"big\.jpg"):
        await capped_download("big.jpg", MAX_DOWNLOAD_BYTES + 1, source.fetch)
    assert source.fetches == 0


async def test_bytes_over_the_cap_are_refused_when_the_size_was_not_stated_or_wrong() -> None:
    for stated in (None, 100):
        source = Source(MAX_DOWNLOAD_BYTES + 1)
        with pytest.raises(FileTooLarge):
            await capped_download("voice.ogg", stated, source.fetch)
        assert source.fetches == 1


async def test_files_up_to_the_cap_come_back_whole() -> None:
    source = Source(MAX_DOWNLOAD_BYTES)
    assert await capped_download("ok.png", MAX_DOWNLOAD_BYTES, source.fetch) == source.data
    assert await capped_download("small.png", None, Source(3).fetch) == b"xxx"
