"""The voice benchmark: Whisper tiny.en load time, transcription time, word error rate and memory.

Each phrase of a set (:mod:`winstreak.bench.voice_phrases`: ``dev``, which settings were chosen on, and
``held-out``, which only judges) is spoken by two flite voices at two speeds (:mod:`winstreak.bench.voices`)
and packed as OGG/Opus like a Telegram voice note of about 3-6 seconds. The word error rate against the
spoken phrases is printed for each voice and speed and overall, beside the times, so that speed never
hides a loss of accuracy.
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from ai.audio import SAMPLE_RATE, decode
from ai.whisper_local import WhisperSpeechToText
from winstreak.bench.voice_phrases import SETS
from winstreak.bench.voices import FLITE_VOICES, MissingTool, speak, to_ogg

__all__ = ["SETS", "MissingTool", "run", "word_error_rate"]

SPEEDS = (1.0, 1.15)  # flite's duration stretch: its own pace, and 15 % slower
FIVE_SECONDS = (4.0, 6.0)  # notes of this length count as "5-second notes" in the figures

NUMBER_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
    "twenty",
)


def words_of(text: str) -> list[str]:
    """Lower-case words without punctuation; numbers up to 20 written as words ("2" -> "two")."""
    found = re.findall(r"[a-z0-9']+", text.lower().replace("-", " "))
    return [NUMBER_WORDS[int(w)] if w.isdigit() and int(w) < len(NUMBER_WORDS) else w for w in found]


def word_errors(reference: list[str], heard: list[str]) -> int:
    """Substitutions, deletions and insertions that turn ``reference`` into ``heard`` (Levenshtein on words)."""
    row = list(range(len(heard) + 1))
    for i, ref in enumerate(reference, 1):
        previous, row[0] = row[:], i
        for j, word in enumerate(heard, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ref != word))
    return row[-1]


def word_error_rate(pairs: list[tuple[str, str]]) -> float:
    """Word errors over all (phrase, transcript) pairs divided by the phrases' word count."""
    total = sum(len(words_of(phrase)) for phrase, _ in pairs)
    errors = sum(word_errors(words_of(phrase), words_of(text)) for phrase, text in pairs)
    return errors / total if total else 0.0


def make_notes(folder: Path, phrases: tuple[str, ...]) -> list[tuple[str, str, bytes]]:
    """OGG/Opus notes (voice and speed, phrase, bytes): every phrase by every flite voice at every speed."""
    notes = []
    for voice in FLITE_VOICES:
        for stretch in SPEEDS:
            for n, phrase in enumerate(phrases):
                wav = speak(phrase, folder / f"{voice}-{stretch}-{n}.wav", voice, stretch)
                notes.append((f"{voice} x{stretch}", phrase, to_ogg(wav).read_bytes()))
    return notes


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(count: int = 0, threads: int = 1, phrase_set: str = "dev", hints: bool = True) -> dict[str, Any]:
    """Figures: load, wall and CPU seconds per note, word error rates, short-window notes, RSS, machine load.

    ``count`` limits the phrases taken from the set (0: all of them); each is spoken four ways.
    """
    phrases = SETS[phrase_set][: count or None]
    rss_before = _rss_mb()
    whisper = WhisperSpeechToText(threads=threads, hints=hints)
    started = time.perf_counter()
    whisper.load()
    load_s = time.perf_counter() - started
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        for voice, phrase, ogg in make_notes(Path(folder), phrases):
            audio_s = decode(ogg).size / SAMPLE_RATE
            started, cpu_started = time.perf_counter(), time.process_time()
            heard = whisper.hear(ogg, "en")
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            rows.append(
                {"voice": voice, "phrase": phrase, "audio_s": audio_s, "seconds": seconds, "cpu_s": cpu}
                | {"text": heard.text, "window": heard.window}
            )
    times = [r["seconds"] for r in rows]
    five = [r for r in rows if FIVE_SECONDS[0] <= r["audio_s"] <= FIVE_SECONDS[1]]  # the target's "5 s note"
    by_voice = {
        voice: round(word_error_rate([(r["phrase"], r["text"]) for r in rows if r["voice"] == voice]), 3)
        for voice in dict.fromkeys(r["voice"] for r in rows)
    }
    return {
        "phrase_set": phrase_set,
        "phrases": len(phrases),
        "hints": hints,
        "notes": len(rows),
        "load_s": round(load_s, 3),
        "median_s": round(statistics.median(times), 3),
        "max_s": round(max(times), 3),
        "median_cpu_s": round(statistics.median(r["cpu_s"] for r in rows), 3),
        "median_audio_s": round(statistics.median(r["audio_s"] for r in rows), 2),
        "notes_5s": len(five),
        "median_s_5s": round(statistics.median(r["seconds"] for r in five), 3) if five else None,
        "median_cpu_s_5s": round(statistics.median(r["cpu_s"] for r in five), 3) if five else None,
        "word_error_rate": round(word_error_rate([(r["phrase"], r["text"]) for r in rows]), 3),
        "word_error_rate_by_voice": by_voice,
        "short_window": sum(r["window"] == "short" for r in rows),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "rss_before_mb": round(rss_before),
        "rss_after_mb": round(_rss_mb()),
        "threads": threads,
        "rows": rows,
    }
