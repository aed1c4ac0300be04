"""Synthetic voice notes for the voice benchmark and tests: Debian's flite (two voices) and espeak-ng.

flite's ``slt`` (a woman's voice) and ``rms`` (a man's) are recorded-speaker voices, closer to a person
than espeak-ng's formant synthesis; espeak-ng stays for French. ``stretch`` slows speech down (1.15 = 15 %
slower) or speeds it up (0.9). Notes are packed as OGG/Opus by opusenc, like Telegram voice notes.
Packages: ``flite``, ``espeak-ng``, ``opus-tools``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FLITE_VOICES = ("slt", "rms")


class MissingTool(RuntimeError):
    """flite, espeak-ng or opusenc is not installed."""


def tool(name: str, package: str) -> str:
    """The path of a command-line tool, or :class:`MissingTool` naming the Debian package."""
    path = shutil.which(name)
    if path is None:
        raise MissingTool(f"{name} not found: apt-get install {package}")
    return path


def speak(text: str, out: Path, voice: str = "slt", stretch: float = 1.0) -> Path:
    """Write ``text`` spoken by ``voice`` (a flite voice, or "espeak:LANG" such as "espeak:fr") as a WAV file."""
    if voice.startswith("espeak"):
        language = voice.partition(":")[2] or "en-us"
        speed = str(round(150 / stretch))
        subprocess.run([tool("espeak-ng", "espeak-ng"), "-v", language, "-s", speed, "-w", str(out), text], check=True)
    else:
        flite = tool("flite", "flite")
        command = [flite, "-voice", voice, "--setf", f"duration_stretch={stretch}", "-t", text, "-o", str(out)]
        subprocess.run(command, check=True)
    return out


def to_ogg(wav: Path) -> Path:
    """The WAV file packed as OGG/Opus beside it (what Telegram sends as a voice note)."""
    out = wav.with_suffix(".ogg")
    subprocess.run([tool("opusenc", "opus-tools"), "--quiet", str(wav), str(out)], check=True)
    return out
