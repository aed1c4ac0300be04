"""Decoding voice notes with PyAV: OGG/Opus, WAV, MP3 decode; empty, garbage, silent and long notes fail clearly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ai import notes
from ai.audio import SAMPLE_RATE, AudioError, decode, ensure_speech_level
from tests.media_samples import speak_ogg, speak_wav, to_mp3, wav_of


@pytest.mark.parametrize("kind", ["ogg", "wav", "mp3"])
def test_voice_formats_decode_to_16k_mono(tmp_path: Path, kind: str) -> None:
    wav = speak_wav("one banana", tmp_path)
    data = {"ogg": lambda: speak_ogg("one banana", tmp_path), "wav": lambda: wav, "mp3": lambda: to_mp3(wav)}[kind]()
    samples = decode(data)
    assert samples.dtype == np.float32
    assert 0.4 * SAMPLE_RATE < samples.size < 3 * SAMPLE_RATE
    assert float(np.max(np.abs(samples))) > 0.05
    ensure_speech_level(samples)


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (b"", notes.AUDIO_EMPTY),
        (b"\x00\x17garbage bytes that are not audio" * 50, notes.AUDIO_UNREADABLE),
        (b"OggS" + b"\x00" * 200, notes.AUDIO_UNREADABLE),
    ],
)
def test_unusable_bytes_give_a_clear_error(data: bytes, note: str) -> None:
    with pytest.raises(AudioError) as err:
        decode(data)
    assert str(err.value) == note
    assert err.value.field == "audio"


def test_truncated_ogg_is_unreadable_or_short(tmp_path: Path) -> None:
    ogg = speak_ogg("two slices of toast with butter", tmp_path)
    with pytest.raises(AudioError):
        ensure_speech_level(decode(ogg[:60]))


def test_silence_is_reported() -> None:
    samples = decode(wav_of(np.zeros(3 * SAMPLE_RATE, dtype=np.float32)))
    with pytest.raises(AudioError) as err:
        ensure_speech_level(samples)
    assert str(err.value) == notes.AUDIO_SILENT


def test_a_note_over_the_limit_is_refused() -> None:
    rng = np.random.default_rng(1)
    long_note = wav_of(rng.normal(0, 0.1, 8 * SAMPLE_RATE).astype(np.float32))
    assert decode(long_note, max_seconds=10).size == 8 * SAMPLE_RATE
    with pytest.raises(AudioError) as err:
        decode(long_note, max_seconds=5)
    assert str(err.value) == notes.AUDIO_TOO_LONG
