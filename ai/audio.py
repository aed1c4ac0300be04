"""Decoding voice notes (OGG/Opus from Telegram, WAV, MP3, M4A…) to 16 kHz mono samples with PyAV.

No ffmpeg binary is needed: PyAV's wheel carries the decoders. Decoding stops as soon as a note runs
past the length limit, so a huge file cannot fill memory. Problems raise :class:`AudioError`.
PyAV and numpy are imported on the first note, so importing this module (for :class:`AudioError` and the
constants) costs nothing.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ai import notes
from core.errors import InvalidValue

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SAMPLE_RATE = 16_000
MAX_SECONDS = 120.0
SILENCE_PEAK = 0.01  # about -40 dBFS: below this the note holds no speech


class AudioError(InvalidValue):
    """A voice note that cannot be used; ``str(err)`` is a note fit to show the user."""

    def __init__(self, note: str) -> None:
        super().__init__("audio", note)


def decode(data: bytes, max_seconds: float = MAX_SECONDS) -> npt.NDArray[np.float32]:
    """Mono float32 samples at 16 kHz in [-1, 1]; raises :class:`AudioError` for unusable input."""
    import av
    import numpy as np

    if not data:
        raise AudioError(notes.AUDIO_EMPTY)
    limit = int(max_seconds * SAMPLE_RATE)
    chunks: list[npt.NDArray[np.int16]] = []
    total = 0
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            if not container.streams.audio:
                raise AudioError(notes.AUDIO_UNREADABLE)
            if container.duration is not None and container.duration / av.time_base > max_seconds + 1:
                raise AudioError(notes.AUDIO_TOO_LONG)
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(container.streams.audio[0]):
                for out in resampler.resample(frame):
                    samples = np.asarray(out.to_ndarray(), dtype=np.int16).reshape(-1)
                    chunks.append(samples)
                    total += samples.size
                if total > limit:
                    raise AudioError(notes.AUDIO_TOO_LONG)
            for out in resampler.resample(None):
                chunks.append(np.asarray(out.to_ndarray(), dtype=np.int16).reshape(-1))
    except AudioError:
        raise
    except (av.error.FFmpegError, OSError, ValueError, EOFError, IndexError) as err:
        # FFmpeg reports garbage, truncated and unsupported input through several exception types.
        raise AudioError(notes.AUDIO_UNREADABLE) from err
    if not chunks or sum(c.size for c in chunks) == 0:
        raise AudioError(notes.AUDIO_UNREADABLE)
    return (np.concatenate(chunks).astype(np.float32) / 32768.0).astype(np.float32)


def ensure_speech_level(samples: npt.NDArray[np.float32]) -> None:
    """Raise :class:`AudioError` when the note is too short or silent to hold speech."""
    import numpy as np

    if samples.size < SAMPLE_RATE // 5:
        raise AudioError(notes.AUDIO_NO_WORDS)
    if float(np.max(np.abs(samples))) < SILENCE_PEAK:
        raise AudioError(notes.AUDIO_SILENT)
