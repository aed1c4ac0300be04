"""Which encoder window the real Whisper tiny.en uses: the short one for short notes, the full 30 s for long ones."""

from __future__ import annotations

import wave
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest

from ai import notes
from ai.audio import SAMPLE_RATE, AudioError, decode
from ai.whisper_local import NO_SPEECH_PROB, WhisperSpeechToText
from ai.whisper_short import FULL_FRAMES, SHORT_MAX_SECONDS, transcribe_short
from tests.media_samples import speak_ogg, speak_wav, wav_of

pytestmark = pytest.mark.slow

LONG_MEALS = (
    "For breakfast I had porridge with blueberries and a cup of black coffee. "
    "At lunch I ate a chicken sandwich, a small bag of crisps and an apple. "
    "In the afternoon I had two chocolate biscuits with a cup of tea. "
    "For dinner a large plate of rice with grilled salmon and broccoli, and a glass of red wine."
)


@pytest.fixture(scope="module")
def whisper() -> WhisperSpeechToText:
    return WhisperSpeechToText()


def _words(text: str) -> set[str]:
    return {w.strip(".,!?").lower() for w in text.split()}


def _seconds(wav: bytes) -> float:
    with wave.open(BytesIO(wav)) as handle:
        return float(handle.getnframes() / handle.getframerate())


def test_short_note_takes_the_short_window(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    heard = whisper.hear(speak_ogg("A bowl of tomato soup and a bread roll", tmp_path), "en")
    assert heard.window == "short"
    assert {"tomato", "soup", "bread"} <= _words(heard.text), heard.text


@pytest.mark.parametrize(
    ("phrase", "first"), [("a banana and a glass of milk", "banana"), ("a cheese sandwich and a coffee", "cheese")]
)
def test_a_note_starting_on_its_first_word_keeps_it(
    whisper: WhisperSpeechToText, tmp_path: Path, phrase: str, first: str
) -> None:
    # espeak starts speaking at once; without silence before it the short window dropped the first words
    samples = decode(speak_ogg(phrase, tmp_path))
    result = transcribe_short(whisper.load(), samples, "en", beam_size=5)
    assert result.trusted and first in _words(result.text), result.text


def test_short_window_is_shorter_than_whisper_window(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    samples = decode(speak_ogg("Two bananas and an orange juice", tmp_path))
    result = transcribe_short(whisper.load(), samples, "en", beam_size=5)
    assert samples.size // 160 < result.frames < FULL_FRAMES
    assert result.trusted
    assert result.no_speech_prob < NO_SPEECH_PROB
    assert -1.0 < result.avg_logprob < 0.0
    assert {"bananas", "orange", "juice"} <= _words(result.text), result.text


def test_untrusted_short_results_are_redone_with_the_full_window(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    # tiny.en loops on the first ("Coffee with milk Coffee with milk…") and mishears the second in the
    # short window ("I hate to read now"); the full window gets both right.
    windows = []
    for phrase, wanted in (("Coffee with milk", {"coffee", "milk"}), ("I ate a green apple", {"apple"})):
        ogg = speak_ogg(phrase, tmp_path)
        short = transcribe_short(whisper.load(), decode(ogg), "en", beam_size=5)
        heard = whisper.hear(ogg, "en")
        assert heard.window == ("short" if short.trusted else "full")
        assert wanted <= _words(heard.text), heard.text
        windows.append(heard.window)
    assert "full" in windows


def test_long_note_takes_the_full_window(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    wav = speak_wav(LONG_MEALS, tmp_path, speed=120)
    assert _seconds(wav) > SHORT_MAX_SECONDS + 2
    heard = whisper.hear(wav, "en")
    assert heard.window == "full"
    assert {"porridge", "sandwich", "biscuits", "salmon", "wine"} <= _words(heard.text), heard.text


def test_faint_noise_gets_the_no_words_reply(whisper: WhisperSpeechToText) -> None:
    noise = (np.random.default_rng(7).standard_normal(3 * SAMPLE_RATE) * 0.007).astype(np.float32)
    assert float(np.max(np.abs(noise))) > 0.01  # loud enough to pass the silence check: Whisper decides
    assert transcribe_short(whisper.load(), noise, "en", beam_size=5).no_speech_prob > NO_SPEECH_PROB
    with pytest.raises(AudioError) as heard:
        whisper.hear(wav_of(noise), "en")
    assert str(heard.value) == notes.AUDIO_NO_WORDS


def test_a_single_click_in_silence_gets_the_no_words_reply(whisper: WhisperSpeechToText) -> None:
    click = np.zeros(3 * SAMPLE_RATE, dtype=np.float32)
    click[SAMPLE_RATE] = 0.05
    with pytest.raises(AudioError) as heard:
        whisper.hear(wav_of(click), "en")
    assert str(heard.value) == notes.AUDIO_NO_WORDS
