"""Which encoder window the real Whisper tiny.en uses: the short one for short notes, the full 30 s for long ones."""

from __future__ import annotations

import wave
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest

from ai import notes
from ai.audio import SAMPLE_RATE, AudioError, decode
from ai.whisper_hints import hint_for
from ai.whisper_local import NO_SPEECH_PROB, WhisperSpeechToText
from ai.whisper_short import FULL_FRAMES, SHORT_MAX_SECONDS, ShortResult, transcribe_short
from tests.media_samples import majority, renderings, speak_wav, wav_of

pytestmark = pytest.mark.slow

LONG_MEALS = (
    "For breakfast I had porridge with blueberries and a cup of black coffee. "
    "At lunch I ate a chicken sandwich, a small bag of crisps and an apple. "
    "In the afternoon I had two chocolate biscuits with a cup of tea. "
    "For dinner a large plate of rice with grilled salmon and broccoli, and a glass of red wine. "
    "Late in the evening I had a bowl of strawberries with yogurt and a cup of herbal tea."
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
    heard = [whisper.hear(ogg, "en") for ogg in renderings("A bowl of tomato soup and a bread roll", tmp_path)]
    assert majority([h.window == "short" for h in heard]), heard
    assert majority([{"tomato", "soup", "bread"} <= _words(h.text) for h in heard]), heard


@pytest.mark.parametrize(
    ("phrase", "first"), [("a banana and a glass of milk", "banana"), ("a cheese sandwich and a coffee", "cheese")]
)
def test_a_note_starting_on_its_first_word_keeps_it(
    whisper: WhisperSpeechToText, tmp_path: Path, phrase: str, first: str
) -> None:
    # the voices start speaking at once; without silence before it the short window dropped the first words
    results = [
        transcribe_short(whisper.load(), decode(ogg), "en", 5, hint_for("en")) for ogg in renderings(phrase, tmp_path)
    ]
    assert majority([r.trusted and first in _words(r.text) for r in results]), results


def test_short_window_is_shorter_than_whisper_window(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    passed = []
    for ogg in renderings("Two bananas and an orange juice", tmp_path):
        samples = decode(ogg)
        result = transcribe_short(whisper.load(), samples, "en", 5, hint_for("en"))
        assert samples.size // 160 < result.frames < FULL_FRAMES  # the window is the note plus padding
        assert result.no_speech_prob < NO_SPEECH_PROB and -1.5 < result.avg_logprob < 0.0, result
        passed.append(result.trusted and {"orange", "juice"} <= _words(result.text))
    assert majority(passed)


def test_each_note_keeps_the_short_result_only_when_trusted(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    # Whichever way a CPU hears a note, hear() keeps the short window's words only when they are trusted,
    # and the words a person needs (the food) come through either way for most voices.
    for phrase, wanted in (("Coffee with milk", {"coffee", "milk"}), ("I ate a green apple", {"apple"})):
        passed = []
        for ogg in renderings(phrase, tmp_path / phrase.replace(" ", "-")):
            short = transcribe_short(whisper.load(), decode(ogg), "en", 5, hint_for("en"))
            heard = whisper.hear(ogg, "en")
            assert heard.window == ("short" if short.trusted else "full")
            if short.trusted:
                assert heard.text == short.text
            passed.append(wanted <= _words(heard.text))
        assert majority(passed), phrase


def test_an_untrusted_short_result_is_redone_with_the_full_window() -> None:
    # A looping or unsure short result is not kept; these are the shapes tiny.en produced on robot voices.
    looping = ShortResult("Coffee with milk Coffee with milk Coffee with milk", 0.01, -0.2, False, 1400)
    unsure = ShortResult("I hate to read now, both.", 0.02, -0.9, False, 1400)
    capped = ShortResult("fish " * 40, 0.01, -0.1, True, 1400)
    sure = ShortResult("I ate a green apple.", 0.01, -0.2, False, 1400)
    assert [r.trusted for r in (looping, unsure, capped, sure)] == [False, False, False, True]


def test_long_note_takes_the_full_window(whisper: WhisperSpeechToText, tmp_path: Path) -> None:
    wav = speak_wav(LONG_MEALS, tmp_path, stretch=1.15)
    assert _seconds(wav) > SHORT_MAX_SECONDS + 2
    heard = whisper.hear(wav, "en")
    assert heard.window == "full"
    assert len({"porridge", "sandwich", "biscuits", "salmon", "wine"} & _words(heard.text)) >= 4, heard.text


def test_faint_noise_gets_the_no_words_reply(whisper: WhisperSpeechToText) -> None:
    noise = (np.random.default_rng(7).standard_normal(3 * SAMPLE_RATE) * 0.007).astype(np.float32)
    assert float(np.max(np.abs(noise))) > 0.01  # loud enough to pass the silence check: Whisper decides
    assert transcribe_short(whisper.load(), noise, "en", 5, hint_for("en")).no_speech_prob > NO_SPEECH_PROB
    with pytest.raises(AudioError) as heard:
        whisper.hear(wav_of(noise), "en")
    assert str(heard.value) == notes.AUDIO_NO_WORDS


def test_a_single_click_in_silence_gets_the_no_words_reply(whisper: WhisperSpeechToText) -> None:
    click = np.zeros(3 * SAMPLE_RATE, dtype=np.float32)
    click[SAMPLE_RATE] = 0.05
    with pytest.raises(AudioError) as heard:
        whisper.hear(wav_of(click), "en")
    assert str(heard.value) == notes.AUDIO_NO_WORDS
