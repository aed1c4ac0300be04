"""The head revisions of our migrations, read from the version files without importing Alembic.

Start-up compares them with the database's ``alembic_version`` rows: equal means the schema is at head and
Alembic (a third of a second to import) is not needed. Each version file is read for its ``revision``,
``down_revision`` and ``depends_on`` assignments; when any cannot be read the answer is None and the caller
lets Alembic decide. ``tests/integration/test_migration_heads.py`` keeps this equal to Alembic's own view.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

VERSIONS = Path(__file__).parent / "migrations" / "versions"
_ASSIGNMENT = re.compile(r"^(revision|down_revision|depends_on)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _names(value: object) -> Iterable[str]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, tuple | list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ValueError(f"not a revision name or a sequence of them: {value!r}")


def head_revisions(versions: Path = VERSIONS) -> frozenset[str] | None:
    """The revisions no other revision builds on (what ``alembic_version`` holds at head); None when unsure."""
    revisions: set[str] = set()
    below: set[str] = set()
    try:
        for file in versions.glob("*.py"):
            found = {name: ast.literal_eval(value) for name, value in _ASSIGNMENT.findall(file.read_text("utf-8"))}
            if not isinstance(found.get("revision"), str):
                return None
            revisions.add(found["revision"])
            below.update(_names(found.get("down_revision")), _names(found.get("depends_on")))
    except (OSError, ValueError, SyntaxError):
        return None
    return frozenset(revisions - below) if revisions else None
