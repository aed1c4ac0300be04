"""pyproject.toml declares exactly what the code imports, each with a compatible upper bound.

Every third-party top-level import of the shipped packages must come from a distribution in
``[project].dependencies``; every import of the tests from one there or in the ``dev`` extra; and every
declared runtime dependency is imported by the shipped code, unless it is listed in ``NOT_IMPORTED`` with
the reason it is needed all the same. Imports are read with ``ast`` (also those inside functions) and mapped
to distributions through the installed metadata.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("core", "storage", "bots", "ai", "scheduler", "winstreak", "ops")
NOT_IMPORTED = {
    "aiosqlite": "the SQLite driver SQLAlchemy loads from the database URL",
    "asyncpg": "the PostgreSQL driver SQLAlchemy loads from the database URL",
    "onnxruntime": "the inference engine rapidocr runs its models on",
}


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0]).lower()


def _project() -> dict[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {"runtime": project["dependencies"], "dev": project["optional-dependencies"]["dev"]}


def _imported(*folders: str) -> dict[str, Path]:
    """Top-level third-party module -> one file importing it."""
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for top in {name.split(".")[0] for name in names}:
                    if top not in sys.stdlib_module_names and top not in (*SHIPPED, "tests"):
                        found.setdefault(top, path.relative_to(ROOT))
    return found


def _distributions(modules: dict[str, Path]) -> dict[str, set[str]]:
    installed = packages_distributions()
    return {top: {_name(d) for d in installed.get(top, [])} for top in modules}


def test_shipped_code_imports_only_declared_runtime_dependencies() -> None:
    declared = {_name(r) for r in _project()["runtime"]}
    modules = _imported(*SHIPPED)
    missing = {top: (str(modules[top]), d) for top, d in _distributions(modules).items() if not d & declared}
    assert not missing, f"imported but not in [project].dependencies: {missing}"


def test_every_runtime_dependency_is_imported_or_says_why() -> None:
    used = set().union(*_distributions(_imported(*SHIPPED)).values())
    unused = {_name(r) for r in _project()["runtime"]} - used - set(NOT_IMPORTED)
    assert not unused, f"declared but imported nowhere in the shipped code: {sorted(unused)}"
    assert not set(NOT_IMPORTED) & used, "a NOT_IMPORTED entry is imported now: remove it from the list"


def test_tests_import_only_declared_dependencies() -> None:
    declared = {_name(r) for group in _project().values() for r in group}
    modules = _imported("tests")
    missing = {top: (str(modules[top]), d) for top, d in _distributions(modules).items() if not d & declared}
    assert not missing, f"imported by tests but declared neither at run time nor in dev: {missing}"


def test_every_requirement_has_an_upper_bound() -> None:
    own = "winstreak["  # the project's own extras
    loose = [r for group in _project().values() for r in group if "<" not in r and not r.startswith(own)]
    assert not loose, f"requirements without an upper bound: {loose}"
