"""The short Whisper window's arithmetic and its guard against looping output (no model needed)."""

from __future__ import annotations

import numpy as np

from ai.audio import SAMPLE_RATE
from ai.whisper_local import is_speech
from ai.whisper_short import (
    FULL_FRAMES,
    MIN_LOGPROB,
    PAD_SECONDS,
    REPETITIVE_RATIO,
    SHORT_MAX_SECONDS,
    ShortResult,
    compression_ratio,
    fits,
    repeats,
    token_cap,
    window_frames,
)


def test_window_is_the_note_plus_padding_even_and_capped() -> None:
    pad = int(PAD_SECONDS * 100)
    assert window_frames(500) == 500 + pad
    assert window_frames(501) == 502 + pad
    assert window_frames(501) % 2 == 0
    assert window_frames(2900) == FULL_FRAMES
    assert window_frames(5000) == FULL_FRAMES


def test_only_notes_up_to_the_limit_fit() -> None:
    limit = int(SHORT_MAX_SECONDS * SAMPLE_RATE)
    assert fits(np.zeros(limit, dtype=np.float32))
    assert not fits(np.zeros(limit + 1, dtype=np.float32))


def test_token_cap_grows_with_the_note() -> None:
    assert token_cap(5.0) < token_cap(20.0)
    assert token_cap(5.0) >= 5 * 4 * 2  # fast speech: 4 words a second, up to 2 tokens a word


def test_looping_text_is_repetitive_and_speech_is_not() -> None:
    assert compression_ratio("fish " * 40) > REPETITIVE_RATIO
    assert compression_ratio("Two scrambled eggs on toast with butter and a large cup of coffee with milk.") < 2
    assert compression_ratio("") == 0.0


def test_phrases_said_twice_in_a_row_are_looping() -> None:
    assert repeats("Coffee with milk Coffee with milk")
    assert repeats("A banana, and a banana and a banana.")
    assert repeats("fish " * 40)
    assert not repeats("Ham, ham and cheese.")  # one word twice is speech
    assert not repeats("A cup of tea and a cup of coffee.")
    looped = "2 scrambled egg montos with burger and a cup 2 scrambled egg montos with burger and cup"
    assert repeats(looped)  # a loop that changed a word on its second pass
    assert not repeats("")


def _result(text: str, avg_logprob: float = -0.3, capped: bool = False) -> ShortResult:
    return ShortResult(text, no_speech_prob=0.1, avg_logprob=avg_logprob, capped=capped, frames=1500)


def test_only_sure_uncapped_non_looping_results_are_trusted() -> None:
    assert _result("Two eggs and a black coffee.").trusted
    assert _result("Two eggs and a black coffee.", avg_logprob=MIN_LOGPROB).trusted
    assert not _result("I hate to read now, both.", avg_logprob=MIN_LOGPROB - 0.1).trusted
    assert not _result("Two eggs and a black coffee and", capped=True).trusted
    assert not _result("Coffee with milk Coffee with milk").trusted


def test_no_speech_filter_needs_both_signs() -> None:
    assert not is_speech(0.9, -1.5)
    assert is_speech(0.9, -0.3)  # Whisper is sure of the words
    assert is_speech(0.1, -1.5)  # unsure words, but speech
