"""A spoken meal end to end: espeak-ng + opusenc note -> real Whisper -> the real offline text estimator."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ai import notes
from ai.audio import SAMPLE_RATE
from ai.estimator import CompositeEstimator
from ai.whisper_local import WhisperSpeechToText
from tests.media_samples import speak_ogg, wav_of
from winstreak.estimation import build_text_estimator

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def estimator() -> CompositeEstimator:
    return CompositeEstimator(build_text_estimator(), speech=WhisperSpeechToText())


async def test_voice_note_becomes_an_estimate_with_its_transcript(
    estimator: CompositeEstimator, tmp_path: Path
) -> None:
    estimate = await estimator.from_voice(speak_ogg("Two eggs and a glass of orange juice", tmp_path), "en")
    assert estimate.transcript is not None
    assert "eggs" in estimate.transcript.lower()
    names = " ".join(i.name.lower() for i in estimate.items)
    assert "egg" in names and "orange" in names, estimate
    assert 150 < estimate.total_kcal < 450


async def test_french_user_is_told_voice_is_english_only(estimator: CompositeEstimator, tmp_path: Path) -> None:
    estimate = await estimator.from_voice(speak_ogg("One banana", tmp_path), "fr")
    assert estimate.notes[0] == notes.VOICE_ENGLISH_ONLY


@pytest.mark.parametrize(
    ("audio", "note"),
    [
        (b"", notes.AUDIO_EMPTY),
        (b"definitely not a voice note" * 20, notes.AUDIO_UNREADABLE),
        (wav_of(np.zeros(2 * SAMPLE_RATE, dtype=np.float32)), notes.AUDIO_SILENT),
    ],
)
async def test_bad_voice_notes_get_a_clear_note(estimator: CompositeEstimator, audio: bytes, note: str) -> None:
    estimate = await estimator.from_voice(audio, "en")
    assert estimate.items == () and estimate.transcript is None
    assert estimate.notes == (note,)


async def test_too_long_note_is_refused_without_transcribing() -> None:
    rng = np.random.default_rng(3)
    long_note = wav_of(rng.normal(0, 0.2, 7 * SAMPLE_RATE).astype(np.float32))
    short_limit = CompositeEstimator(build_text_estimator(), speech=WhisperSpeechToText(max_seconds=5))
    estimate = await short_limit.from_voice(long_note, "en")
    assert estimate.notes == (notes.AUDIO_TOO_LONG,)


async def test_no_speech_recogniser_says_so() -> None:
    estimate = await CompositeEstimator(build_text_estimator()).from_voice(b"OggS", "en")
    assert estimate.notes == (notes.VOICE_UNAVAILABLE,)
