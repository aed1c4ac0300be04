"""/export files of older versions, written before the per-user names: which of them belong to a terminal user.

They were saved as ``exports/winstreak-export-<user id>-<UTC time>[-n].zip``: the number is an internal id, which a
new database hands out again, so the name alone does not say whose file it is. The zip does: its JSON file lists the
account's identities, and a file belongs to the terminal user ``NAME`` when one of them is ``console`` / ``NAME``.
Files that cannot be read (not a zip, no JSON file, too large, damaged) are never attributed, so never removed.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from bots.common.export_file import JSON_NAME

PATTERN = "winstreak-export-*.zip"
MAX_JSON_BYTES = 200 * 1024 * 1024  # a bigger JSON file is not read (and its zip is kept)


def _identities(path: Path) -> list[object]:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(JSON_NAME)
        if info.file_size > MAX_JSON_BYTES:
            return []
        document = json.loads(archive.read(info).decode("utf-8"))
    found = document.get("identities") if isinstance(document, dict) else None
    return found if isinstance(found, list) else []


def belongs_to(path: Path, user: str) -> bool:
    """Whether the old-style export at ``path`` is the terminal user ``user``'s (False when it cannot be read)."""
    try:
        identities = _identities(path)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError, EOFError):
        return False
    return any(
        isinstance(row, dict) and row.get("platform") == "console" and row.get("external_id") == user
        for row in identities
    )


def old_exports_of(export_dir: Path, user: str) -> list[Path]:
    """The old-style export files in ``export_dir`` that belong to ``user``."""
    return [path for path in sorted(export_dir.glob(PATTERN)) if path.is_file() and belongs_to(path, user)]
