"""Finding every translatable message in the code: literals passed to ``t(lang, ...)`` or marked ``N_(...)``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bots", "core", "ai", "scheduler", "winstreak")
# Core errors whose message (template) is shown to users.
ERRORS = ("InvalidValue", "UnsafeGoal", "NothingToUndo", "WinStreakError")


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def messages() -> dict[str, str]:
    """msgid → first place it appears (``path:line``)."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                    continue
                args = node.args
                text = None
                if node.func.id in ("t", "tn") and len(args) >= 2:  # tn: the singular is the message id
                    text = _literal(args[1])
                elif node.func.id == "N_" and args:
                    text = _literal(args[0])
                elif node.func.id in ERRORS and args:
                    text = _literal(args[1] if node.func.id == "InvalidValue" and len(args) > 1 else args[0])
                if text:
                    found.setdefault(text, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found
