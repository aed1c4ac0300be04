"""``winstreak estimate`` exits 1 with the reason on stderr when it could not estimate anything."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from winstreak.cli_estimate import app as estimate_app

runner = CliRunner()


def bomb_png(side: int = 20_000) -> bytes:
    """A valid 1-bit PNG header of ``side`` × ``side`` pixels whose compressed rows are tiny (a decompression bomb)."""
    small = io.BytesIO()
    Image.new("1", (8, 8)).save(small, "PNG")
    data = small.getvalue()
    ihdr_at = data.index(b"IHDR") - 4
    header = (side).to_bytes(4, "big") * 2 + data[ihdr_at + 16 : ihdr_at + 21]
    chunk = b"IHDR" + header
    ihdr = len(header).to_bytes(4, "big") + chunk + zlib.crc32(chunk).to_bytes(4, "big")
    raw = zlib.compress(b"\x00" * ((side // 8 + 1) * 64), 9)
    idat = len(raw).to_bytes(4, "big") + b"IDAT" + raw + zlib.crc32(b"IDAT" + raw).to_bytes(4, "big")
    iend = (0).to_bytes(4, "big") + b"IEND" + zlib.crc32(b"IEND").to_bytes(4, "big")
    return data[:8] + ihdr + idat + iend


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.jpg", b""),
        ("vector.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>'),
        ("document.jpg", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
        ("truncated.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        ("bomb.png", bomb_png()),
    ],
)
def test_an_unusable_photo_exits_1_with_the_reason(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    result = runner.invoke(estimate_app, ["--photo", str(tmp_path / name)])
    assert result.exit_code == 1, result.output
    assert "Total: 0 kcal" in result.stdout
    assert result.stderr.startswith("winstreak: nothing could be estimated.") and "photo" in result.stderr


@pytest.mark.parametrize("text", ["the", "'; DROP TABLE meals; --", "   "])
def test_words_that_are_not_food_exit_1(text: str) -> None:
    result = runner.invoke(estimate_app, [text])
    assert result.exit_code == 1, result.output
    assert "nothing could be estimated" in result.stderr


def test_a_real_meal_still_exits_0() -> None:
    result = runner.invoke(estimate_app, ["2 eggs and a slice of toast"])
    assert result.exit_code == 0 and result.stderr == ""
