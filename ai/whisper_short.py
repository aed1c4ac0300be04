"""Short voice notes through a short Whisper encoder window (faster-whisper's model, CTranslate2 directly).

faster-whisper always pads the log-mel features to 30 s (3000 frames) before the encoder, which is most of
the time spent on a 5-second note. CTranslate2's Whisper encoder also accepts fewer frames (the same trick
as whisper.cpp's ``audio_ctx``), so a note of up to :data:`SHORT_MAX_SECONDS` is encoded as its own frames
plus :data:`PAD_SECONDS` of padding, then decoded in one go without timestamps: temperature 0, the beam
size given, the same suppressed tokens, and the average log probability recovered from the score exactly
as faster-whisper does. Whisper needs that padding: with 5 s or less it tends to loop ("fish fish fish…").
A second of silence is also put before the note: without it, notes that start on their first word often
lost it ("a banana and a glass of milk" heard as "and a glass of milk").

Whisper was trained on 30-second windows only, so the short window sometimes goes wrong where the full
one does not: it repeats a phrase, or drops or mishears words, and then it is less sure of its words.
A result is therefore :attr:`ShortResult.trusted` only when it stayed under a cap set by the note's
length, does not repeat itself, and has an average log probability of at least :data:`MIN_LOGPROB`;
otherwise the caller transcribes the note again with the full 30-second window.

Stateless: the shared model's encoder and decoder are safe to call from several threads at once.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ai.audio import SAMPLE_RATE

SHORT_MAX_SECONDS = 20.0  # notes up to this long take the short window
PAD_SECONDS = 10.0  # silence after the speech; 5 s or less makes Whisper loop
LEAD_SECONDS = 1.0  # silence before it: notes that start on the first word lost it ("a banana and…" → "and…")
FULL_FRAMES = 3000  # Whisper's own window: 30 s of 10 ms frames
FRAMES_PER_SECOND = 100
TOKENS_PER_SECOND = 8  # cap on the output: fast speech is about 4 tokens a second
EXTRA_TOKENS = 16
REPETITIVE_RATIO = 2.4  # gzip compression ratio above which text is looping (faster-whisper's threshold)
REPEATED_RUN = 4  # words: "a cup of tea and a cup of coffee" repeats 3, a loop repeats a whole phrase
MIN_LOGPROB = -0.7  # less sure than this: redo with the full window (faster-whisper's own retry is at -1.0)


@dataclass(frozen=True)
class ShortResult:
    """What the short window heard, with the figures of faster-whisper's no-speech filter."""

    text: str
    no_speech_prob: float
    avg_logprob: float
    capped: bool  # the output reached the most tokens a note of that length can need
    frames: int  # the encoder window, in 10 ms frames

    @property
    def trusted(self) -> bool:
        """Whether to keep this result rather than redo the note with the full 30-second window."""
        return not self.capped and not repeats(self.text) and self.avg_logprob >= MIN_LOGPROB


def fits(samples: npt.NDArray[np.float32]) -> bool:
    """Whether the note is short enough for the short window."""
    return samples.size <= SHORT_MAX_SECONDS * SAMPLE_RATE


def window_frames(content_frames: int) -> int:
    """Frames given to the encoder: the note plus the padding, even, at most Whisper's 30 s."""
    frames = min(FULL_FRAMES, content_frames + int(PAD_SECONDS * FRAMES_PER_SECOND))
    return frames + frames % 2


def token_cap(seconds: float) -> int:
    """Most text tokens a note of that length can need."""
    return int(TOKENS_PER_SECOND * seconds) + EXTRA_TOKENS


def compression_ratio(text: str) -> float:
    """How well the text compresses; looping text compresses far better than speech."""
    raw = text.encode("utf-8")
    return len(raw) / len(zlib.compress(raw)) if raw else 0.0


def repeats(text: str) -> bool:
    """Whether the text loops (compresses too well, or repeats words).

    Looping is two or more words twice in a row, or a run of :data:`REPEATED_RUN` words twice anywhere
    (a loop that changed a word on its second pass).
    """
    if compression_ratio(text) > REPETITIVE_RATIO:
        return True
    words = re.findall(r"[\w']+", text.lower())
    runs = [tuple(words[i : i + REPEATED_RUN]) for i in range(len(words) - REPEATED_RUN + 1)]
    if len(set(runs)) < len(runs):
        return True
    return any(
        words[i : i + n] == words[i + n : i + 2 * n]
        for n in range(2, len(words) // 2 + 1)
        for i in range(len(words) - 2 * n + 1)
    )


def transcribe_short(
    model: Any, samples: npt.NDArray[np.float32], language: str, beam_size: int, hint: str | None = None
) -> ShortResult:
    """Transcribe a short note with a faster-whisper ``WhisperModel``; ``language`` is a code like "fr".

    ``hint`` is read as the text before the note (faster-whisper's ``initial_prompt``); see
    :mod:`ai.whisper_hints`.
    """
    from faster_whisper.audio import pad_or_trim
    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import get_suppressed_tokens

    lead = np.zeros(int(LEAD_SECONDS * SAMPLE_RATE), dtype=np.float32)
    samples = np.concatenate([lead, samples])  # both float32: so is the result
    features = model.feature_extractor(samples)[:, :-1]  # faster-whisper drops the last frame too
    frames = window_frames(features.shape[-1])
    encoded = model.encode(np.ascontiguousarray(pad_or_trim(features, frames)))
    multilingual = bool(model.model.is_multilingual)
    tokenizer = Tokenizer(
        model.hf_tokenizer, multilingual, task="transcribe", language=language if multilingual else None
    )
    previous = [tokenizer.sot_prev, *tokenizer.encode(" " + hint.strip())] if hint else []
    prompt = [*previous, *tokenizer.sot_sequence, tokenizer.no_timestamps]
    cap = token_cap(samples.size / SAMPLE_RATE)
    result = model.model.generate(
        encoded,
        [prompt],
        beam_size=beam_size,
        max_length=len(prompt) + cap,
        return_scores=True,
        return_no_speech_prob=True,
        suppress_blank=True,
        suppress_tokens=list(get_suppressed_tokens(tokenizer, [-1]) or ()),
    )[0]
    tokens = result.sequences_ids[0]
    avg_logprob = float(result.scores[0]) * len(tokens) / (len(tokens) + 1)  # as faster-whisper, penalty 1
    text = tokenizer.decode(tokens).strip()
    return ShortResult(text, float(result.no_speech_prob), avg_logprob, len(tokens) >= cap, frames)
