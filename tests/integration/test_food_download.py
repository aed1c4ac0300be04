import gzip
import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from storage.food_import.download import DownloadError, download, file_name
from tests.integration import food_files


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "www"
    root.mkdir()
    food_files.write_tsv(root / "en.openfoodfacts.org.products.csv.gz", gz=True)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_download_streams_the_export_to_a_file(served: str, tmp_path: Path) -> None:
    url = f"{served}/en.openfoodfacts.org.products.csv.gz"
    target = tmp_path / "dl" / file_name(url)
    assert download(url, target, progress=False) == target
    assert gzip.decompress(target.read_bytes()).decode().startswith("code\tproduct_name")
    assert not target.with_name(target.name + ".part").exists()


def test_download_errors_are_clear(served: str, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="HTTP 404"):
        download(f"{served}/missing.csv.gz", tmp_path / "x.csv.gz", progress=False)
    assert not (tmp_path / "x.csv.gz").exists()
    with pytest.raises(DownloadError, match="not an http"):
        download("file:///etc/passwd", tmp_path / "y", progress=False)
    with pytest.raises(DownloadError, match="cannot download"):
        download("http://127.0.0.1:9/nothing", tmp_path / "z", progress=False, timeout=2)


def test_file_name_from_url() -> None:
    assert (
        file_name("https://x.org/data/en.openfoodfacts.org.products.csv.gz?x=1")
        == "en.openfoodfacts.org.products.csv.gz"
    )
    assert file_name("https://x.org/") == "products.csv.gz"
