"""What the terminal saves for one user: pictures and /export files, named by user and time, never overwritten.

A name is ``<user>-<hash>-<UTC time>[-<n>]-<name>``: the user part is the name made file-safe plus a short hash
of the exact name (so ``a-b`` and ``a_b`` never share files), the time is to the second and ``n`` counts files
of the same second. Files are created exclusively, so neither another run nor another user can overwrite one.
/deleteme removes every file that starts with the user's part, in both folders; also the pictures named the
older way (``<safe name>-0001-rank.png``) when only this user can have that name, and the /export files named
the older way whose contents name the user (``old_exports``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bots.console.old_exports import old_exports_of

LEGACY = "[0-9][0-9][0-9][0-9]-*"  # pictures of older versions: <safe name>-0001-rank.png


def utc_now() -> datetime:
    """The wall clock in UTC."""
    return datetime.now(UTC)


def safe_name(user: str) -> str:
    """``user`` with letters, digits and ``_`` only (at most 40 characters)."""
    return re.sub(r"[^A-Za-z0-9_]", "_", user)[:40]


def owner_prefix(user: str) -> str:
    """The start of the names of ``user``'s files: the safe name, 8 hex digits of the exact name's hash, ``-``."""
    digest = hashlib.sha256(user.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{safe_name(user)}-{digest}-"


def write_new(folder: Path, name: Callable[[int], str], data: bytes) -> Path:
    """Write ``data`` to ``folder/name(1)``, or ``name(2)``… the first name that does not exist yet."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 1
    while True:
        path = folder / name(n)
        try:
            with path.open("xb") as out:  # exclusive: fails rather than replace a file that exists
                out.write(data)
        except FileExistsError:
            n += 1
            continue
        return path


def legacy_name_is_own(user: str) -> bool:
    """Whether no other user's old-style picture names start like ``user``'s: letters and digits only, under 40.

    Older versions named pictures by :func:`safe_name` alone, which ``a-b`` and ``a_b`` (or two long names) share.
    """
    return re.fullmatch(r"[A-Za-z0-9]{1,39}", user) is not None


@dataclass(frozen=True, slots=True)
class UserFiles:
    """The saved files of one terminal user under ``image_dir`` (pictures) and its sibling ``exports``."""

    user: str
    image_dir: Path
    now: Callable[[], datetime] = field(default=utc_now)

    @property
    def prefix(self) -> str:
        """What every file name of this user starts with."""
        return owner_prefix(self.user)

    @property
    def export_dir(self) -> Path:
        """Where /export files go: ``exports`` beside the pictures folder."""
        return self.image_dir.parent / "exports"

    def save_picture(self, data: bytes, name: str) -> Path:
        """Save a picture as ``<prefix><time>[-n]-<name>``; returns its path."""
        stamp = self.now().astimezone(UTC).strftime("%Y%m%d-%H%M%S")
        clean = Path(name).name or "image.png"
        stem = f"{self.prefix}{stamp}"
        # the counter of a second's files goes before the name, which keeps its extension
        return write_new(self.image_dir, lambda n: f"{stem}-{clean}" if n == 1 else f"{stem}-{n}-{clean}", data)

    def save_export(self, data: bytes, name: str) -> Path:
        """Save an /export file as ``<prefix><name>`` (``-2``, ``-3``… before the suffix when taken)."""
        clean = Path(Path(name).name or "export.zip")
        stem, suffix = f"{self.prefix}{clean.stem}", clean.suffix
        return write_new(self.export_dir, lambda n: f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}", data)

    def remove_all(self) -> int:
        """Delete this user's pictures and /export files (and those named the older way); returns how many."""
        paths = [*self.image_dir.glob(f"{self.prefix}*"), *self.export_dir.glob(f"{self.prefix}*")]
        if legacy_name_is_own(self.user):
            paths += self.image_dir.glob(f"{safe_name(self.user)}-{LEGACY}")
        paths += old_exports_of(self.export_dir, self.user)
        removed = 0
        for path in paths:
            if path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
        return removed
