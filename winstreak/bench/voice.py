"""The voice benchmark: Whisper tiny.en load time, transcription time of espeak-ng notes, word error rate, memory.

Notes are spoken by espeak-ng and packed as OGG/Opus by opusenc (Debian packages ``espeak-ng`` and
``opus-tools``), like Telegram voice notes of about 5 seconds. The word error rate of the transcripts
against the spoken phrases is printed beside the times, so that speed never hides a loss of accuracy.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from ai.audio import SAMPLE_RATE, decode
from ai.whisper_local import WhisperSpeechToText

PHRASES = (
    "For lunch I had a chicken sandwich, a small bag of crisps and an apple",
    "Two scrambled eggs on toast with butter and a large cup of coffee with milk",
    "A bowl of spaghetti bolognese with parmesan and a glass of red wine",
    "Greek yogurt with honey, a handful of almonds and a banana this morning",
    "I ate a slice of pepperoni pizza and drank a can of cola at the cinema",
)


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


class MissingTool(RuntimeError):
    """espeak-ng or opusenc is not installed."""


def make_notes(folder: Path, count: int) -> list[tuple[str, bytes]]:
    """``count`` OGG/Opus notes (phrase, bytes), cycling through :data:`PHRASES`."""
    espeak, opusenc = shutil.which("espeak-ng"), shutil.which("opusenc")
    if espeak is None or opusenc is None:
        raise MissingTool("needs espeak-ng and opusenc: apt-get install espeak-ng opus-tools")
    notes = []
    for n in range(count):
        phrase = PHRASES[n % len(PHRASES)]
        wav, ogg = folder / f"{n}.wav", folder / f"{n}.ogg"
        subprocess.run([espeak, "-v", "en-us", "-s", "150", "-w", str(wav), phrase], check=True)
        subprocess.run([opusenc, "--quiet", str(wav), str(ogg)], check=True)
        notes.append((phrase, ogg.read_bytes()))
    return notes


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(count: int = 5, threads: int = 2) -> dict[str, Any]:
    """Figures: load, wall and CPU seconds per note, word error rate, short-window notes, RSS, machine load."""
    rss_before = _rss_mb()
    whisper = WhisperSpeechToText(threads=threads)
    started = time.perf_counter()
    whisper.load()
    load_s = time.perf_counter() - started
    rows: list[dict[str, Any]] = []
    audio: list[float] = []
    times: list[float] = []
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for phrase, ogg in make_notes(Path(folder), count):
            audio_s = decode(ogg).size / SAMPLE_RATE
            started, cpu_started = time.perf_counter(), time.process_time()
            heard = whisper.hear(ogg, "en")
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
            audio.append(audio_s)
            rows.append(
                {"phrase": phrase, "audio_s": audio_s, "seconds": times[-1], "text": heard.text, "window": heard.window}
            )
    return {
        "notes": len(rows),
        "load_s": round(load_s, 3),
        "median_s": round(statistics.median(times), 3),
        "max_s": round(max(times), 3),
        "median_cpu_s": round(statistics.median(cpu), 3),
        "median_audio_s": round(statistics.median(audio), 2),
        "word_error_rate": round(word_error_rate([(r["phrase"], r["text"]) for r in rows]), 3),
        "short_window": sum(r["window"] == "short" for r in rows),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "rss_before_mb": round(rss_before),
        "rss_after_mb": round(_rss_mb()),
        "threads": threads,
        "rows": rows,
    }
