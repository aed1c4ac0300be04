"""Ports and events each live in one package: every ``Protocol`` of the core is declared in core/ports/, and
every event class (a name ending in ``Event`` or one of core.events' exports) in core/events/.

Read with ``ast`` over core/, so a port declared beside its use case (as ``UserDataSource`` once was in
core/services/export_account.py) fails here with its file and name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import core.events

CORE = Path(__file__).resolve().parents[2] / "core"
EVENTS = set(core.events.__all__)


def _classes() -> list[tuple[Path, ast.ClassDef]]:
    found = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ClassDef):
                found.append((path.relative_to(CORE.parent), node))
    return found


def _bases(node: ast.ClassDef) -> set[str]:
    return {b.id if isinstance(b, ast.Name) else b.attr for b in node.bases if isinstance(b, ast.Name | ast.Attribute)}


def test_every_protocol_of_the_core_is_in_core_ports() -> None:
    classes = _classes()
    assert any(p.parts[:2] == ("core", "ports") and "Protocol" in _bases(n) for p, n in classes)
    stray = [f"{p}:{n.name}" for p, n in classes if "Protocol" in _bases(n) and p.parts[:2] != ("core", "ports")]
    assert not stray, f"ports outside core/ports/: {stray}"


def test_every_event_of_the_core_is_in_core_events() -> None:
    classes = _classes()
    assert any(p.parts[:2] == ("core", "events") for p, _ in classes)
    stray = [
        f"{p}:{n.name}"
        for p, n in classes
        if (n.name.endswith("Event") or n.name in EVENTS) and p.parts[:2] != ("core", "events")
    ]
    assert not stray, f"events outside core/events/: {stray}"
