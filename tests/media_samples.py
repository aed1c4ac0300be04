"""Media the AI tests make for themselves: flite and espeak-ng voices, Opus/MP3 files, barcode pictures, labels.

Needs the Debian packages flite, espeak-ng, opus-tools and fonts-dejavu-core; without them a test skips
with the reason, and under ``CI=true`` it fails.

Words that Whisper hears differ slightly from one CPU to another (its int8 kernels differ by instruction
set), so voice tests speak a note in several :data:`RENDERINGS` (two voices, two speeds) and ask that a
majority is heard right (:func:`majority`), or assert only what every CPU hears.
"""

from __future__ import annotations

import io
import os
import shutil
import wave
from pathlib import Path

import av
import numpy as np
import pytest
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from winstreak.bench import voices

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def missing(message: str) -> None:
    """Skip the test for a missing tool or file (fail under ``CI=true``, where everything is installed)."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def need(tool: str, package: str) -> str:
    """The path of a command-line tool, or skip (fail under CI) naming the package to install."""
    path = shutil.which(tool)
    if path is None:
        missing(f"{tool} not found: apt-get install {package}")
        raise AssertionError("unreachable")
    return path


RENDERINGS = (("slt", 1.0), ("rms", 1.0), ("slt", 1.15))  # (flite voice, duration stretch)


def _wav(text: str, folder: Path, voice: str, stretch: float) -> Path:
    try:
        return voices.speak(text, folder / "voice.wav", voice, stretch)
    except voices.MissingTool as err:
        missing(str(err))
        raise


def speak_wav(text: str, folder: Path, voice: str = "slt", stretch: float = 1.0) -> bytes:
    """A WAV voice note of ``text`` (flite's ``slt`` by default; "espeak:fr" for espeak-ng in French)."""
    return _wav(text, folder, voice, stretch).read_bytes()


def speak_ogg(text: str, folder: Path, voice: str = "slt", stretch: float = 1.0) -> bytes:
    """An OGG/Opus voice note (what Telegram sends) of ``text``, via flite (or espeak-ng) and opusenc."""
    wav = _wav(text, folder, voice, stretch)
    try:
        return voices.to_ogg(wav).read_bytes()
    except voices.MissingTool as err:
        missing(str(err))
        raise


def renderings(text: str, folder: Path) -> list[bytes]:
    """The note spoken in each of :data:`RENDERINGS`, as OGG/Opus."""
    notes = []
    for n, (voice, stretch) in enumerate(RENDERINGS):
        (folder / str(n)).mkdir(parents=True, exist_ok=True)
        notes.append(speak_ogg(text, folder / str(n), voice, stretch))
    return notes


def majority(passed: list[bool]) -> bool:
    """Whether more than half of the renderings passed."""
    return sum(passed) * 2 > len(passed)


def to_mp3(wav: bytes) -> bytes:
    """The WAV re-encoded as MP3 with PyAV."""
    out = io.BytesIO()
    with av.open(io.BytesIO(wav), "r") as src, av.open(out, "w", format="mp3") as dst:
        stream = dst.add_stream("mp3", rate=22050)
        for frame in src.decode(audio=0):
            frame.pts = None
            for packet in stream.encode(frame):
                dst.mux(packet)
        for packet in stream.encode(None):
            dst.mux(packet)
    return out.getvalue()


def wav_of(samples: np.ndarray, rate: int = 16000) -> bytes:
    """A 16-bit mono WAV of float samples in [-1, 1]."""
    out = io.BytesIO()
    with wave.open(out, "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return out.getvalue()


def barcode_picture(code: str, fmt: zxingcpp.BarcodeFormat, scale: int = 3) -> Image.Image:
    """A barcode drawn by zxing-cpp on a larger white 'photo'."""
    symbol = Image.fromarray(np.asarray(zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(code, fmt), scale)))
    canvas = Image.new("RGB", (symbol.width + 400, symbol.height + 300), (235, 230, 220))
    canvas.paste(symbol.convert("RGB"), (200, 150))
    return canvas


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans from Debian's fonts-dejavu-core."""
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if not path.is_file():
        message = f"{path} not found: apt-get install fonts-dejavu-core"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return ImageFont.truetype(str(path), size)


def label_picture(title: str, rows: list[tuple[str, str, str]]) -> Image.Image:
    """A nutrition table: a title, then rows of (name, per 100 g, per serving) in three columns."""
    regular, heading = font(28), font(30, bold=True)
    image = Image.new("RGB", (900, 110 + 56 * len(rows)), "white")
    draw = ImageDraw.Draw(image)
    draw.text((30, 20), title, font=heading, fill="black")
    y = 80
    for name, per100, serving in rows:
        draw.text((30, y), name, font=regular, fill="black")
        draw.text((380, y), per100, font=regular, fill="black")
        draw.text((680, y), serving, font=regular, fill="black")
        draw.line((20, y + 44, 880, y + 44), fill=(150, 150, 150))
        y += 56
    return image


def png(image: Image.Image) -> bytes:
    """The picture as PNG bytes."""
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def jpeg(image: Image.Image, **params: object) -> bytes:
    """The picture as JPEG bytes (extra Pillow save parameters allowed, e.g. exif)."""
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=92, **params)
    return out.getvalue()
