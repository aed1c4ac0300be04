"""Real Whisper tiny.en (faster-whisper, int8) on voice notes spoken by flite during the test."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import numpy as np
import pytest

from ai import notes
from ai.audio import SAMPLE_RATE, AudioError
from ai.whisper_local import WhisperSpeechToText
from tests.media_samples import majority, renderings, speak_ogg, speak_wav, to_mp3, wav_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def whisper() -> WhisperSpeechToText:
    return WhisperSpeechToText()


def _words(text: str) -> set[str]:
    return {w.strip(".,!?").lower() for w in text.split()}


async def test_telegram_style_ogg_opus_note_is_transcribed(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    text = await whisper.transcribe(speak_ogg("Two eggs and a black coffee", tmp_path), "en")
    assert {"eggs", "coffee"} <= _words(text), text


@pytest.mark.parametrize("kind", ["wav", "mp3"])
async def test_wav_and_mp3_notes_are_transcribed(whisper: WhisperSpeechToText, tmp_path: Path, kind: str) -> None:
    wav = speak_wav("A bowl of rice with chicken", tmp_path)
    text = await whisper.transcribe(wav if kind == "wav" else to_mp3(wav), "en")
    assert {"rice", "chicken"} <= _words(text), text


async def test_model_loads_once_and_is_shared(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    first = whisper.load()
    apple = renderings("I ate a green apple", tmp_path / "a")
    juice = renderings("I drank a glass of orange juice", tmp_path / "b")
    texts = await asyncio.gather(*(whisper.transcribe(v, "en") for v in [*apple, *juice]))  # at the same time
    assert whisper.load() is first
    assert majority(["apple" in t.lower() for t in texts[: len(apple)]]), texts
    assert majority(["orange juice" in t.lower() for t in texts[len(apple) :]]), texts


def test_a_loaded_model_is_frozen() -> None:
    """Later full collections of the bot's event loop do not walk the model and its imports (ops/collector.py)."""
    try:
        model = WhisperSpeechToText().load()
        assert all(candidate is not model for candidate in gc.get_objects())
    finally:
        gc.unfreeze()


async def test_silence_and_noise_get_clear_errors(whisper: WhisperSpeechToText) -> None:
    with pytest.raises(AudioError) as silent:
        await whisper.transcribe(wav_of(np.zeros(2 * SAMPLE_RATE, dtype=np.float32)), "en")
    assert str(silent.value) == notes.AUDIO_SILENT
    with pytest.raises(AudioError) as garbage:
        await whisper.transcribe(b"not audio at all" * 100, "en")
    assert str(garbage.value) == notes.AUDIO_UNREADABLE


async def test_english_only_model_says_so_for_french(whisper: WhisperSpeechToText) -> None:
    assert whisper.understands("en")
    assert not whisper.understands("fr")
    assert WhisperSpeechToText(multilingual_model=Path("/models/base")).understands("fr")
