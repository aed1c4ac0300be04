"""Fetching an Open Food Facts export over HTTP(S) with httpx, streamed to a file with progress."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import httpx
from tqdm import tqdm

CHUNK = 1 << 20


class DownloadError(Exception):
    """The export could not be fetched; the message says why."""


def file_name(url: str) -> str:
    """The file name a URL points at (``products.csv.gz`` if it has none)."""
    name = Path(urlparse(url).path).name
    return name or "products.csv.gz"


def download(url: str, dest: Path, *, progress: bool = True, timeout: float = 60.0) -> Path:
    """Stream ``url`` into ``dest`` (written as ``.part`` and renamed when complete); returns ``dest``."""
    if urlparse(url).scheme not in ("http", "https"):
        raise DownloadError(f"not an http(s) URL: {url!r}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=httpx.Timeout(timeout)) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise DownloadError(f"{url} answered HTTP {response.status_code}")
            total = int(response.headers.get("content-length") or 0) or None
            with (
                partial.open("wb") as out,
                tqdm(total=total, unit="B", unit_scale=True, desc="download", disable=not progress) as bar,
            ):
                for chunk in response.iter_bytes(CHUNK):
                    out.write(chunk)
                    bar.update(len(chunk))
            if total is not None and partial.stat().st_size != total:
                raise DownloadError(f"{url} ended after {partial.stat().st_size:,} of {total:,} bytes")
    except httpx.HTTPError as err:
        partial.unlink(missing_ok=True)
        raise DownloadError(f"cannot download {url}: {type(err).__name__}: {err}") from err
    except DownloadError:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(dest)
    return dest
